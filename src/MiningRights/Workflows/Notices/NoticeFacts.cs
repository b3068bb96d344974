namespace MiningRights.Workflows;

/// <summary>
/// The facts every notice states: which subject (its kind's label and detail: a right's licence number and project, a
/// block's code and name), what is due, when, how long is left, and under which rule.
/// </summary>
public sealed record NoticeFacts(
    string SubjectLabel,
    string SubjectDetail,
    string HolderName,
    string? WhatZh,
    string? WhatEn,
    DateOnly? DueOn,
    int? DaysLeft,
    Policies.Citation Citation,
    string StatusZh,
    string StatusEn,
    IReadOnlyList<NoticeLine>? Lines = null)
{
    /// <summary>The facts of a notice about a subject in a workflow state, optionally with a deadline's due date.</summary>
    public static NoticeFacts About(
        Subject subject,
        StateDefinition state,
        Workflows.Deadline? deadline,
        Policies.Citation citation,
        Time.ProvinceCalendar calendar,
        DateTime nowUtc) =>
        new(
            subject.Label,
            subject.Detail,
            subject.HolderName,
            deadline?.WhatZh,
            deadline?.WhatEn,
            deadline?.DueOn,
            deadline is null ? null : calendar.DaysLeft(deadline.DueOn, new DateTimeOffset(nowUtc)),
            citation,
            state.Status.Zh,
            state.Status.En,
            subject.Lines);
}
