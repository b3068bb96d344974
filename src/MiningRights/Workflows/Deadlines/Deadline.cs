using System.Globalization;
using MiningRights.Time;

namespace MiningRights.Workflows;

/// <summary>
/// A dated duty with its reminder stages, owned by a workflow instance (whose subject says who sees it). <see cref="NextActionAtUtc"/> (indexed) is the next instant
/// the sweep must act on it, so a sweep reads only what is due. <see cref="Version"/> is the claim: of two sweeps
/// acting on one deadline, one commits.
/// </summary>
public sealed class Deadline
{
    /// <summary>What a sweep changes on a reminder without tracking the row: written in bulk, checked against <see cref="Version"/>.</summary>
    public static readonly IReadOnlyList<string> Progress =
    [
        nameof(StagesDone), nameof(NextStage), nameof(NextActionAtUtc), nameof(Version), nameof(Attempts), nameof(LastError),
    ];

    public const string ExpiryStage = "expiry";

    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid InstanceId { get; init; }

    /// <summary>The holder of the instance's subject, if it has one: a holder's deadlines are listed by this column.</summary>
    public Guid? HolderId { get; set; }

    /// <summary>The deadline's name in the workflow definition.</summary>
    public required string Name { get; init; }

    public required string RuleId { get; init; }

    public required string WhatZh { get; init; }

    public required string WhatEn { get; init; }

    public DateOnly DueOn { get; set; }

    /// <summary>An authority's timer (grace before a case) rather than a duty of the holder.</summary>
    public bool Escalation { get; init; }

    /// <summary>End of the due day in the province's time zone, in UTC.</summary>
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Days before the due date on which reminders go out, e.g. "60,30,7,1".</summary>
    public string ReminderDays { get; set; } = string.Empty;

    /// <summary>Reminder stages already handled (sent, or passed over because a later one was due), e.g. "60,30".</summary>
    public string StagesDone { get; set; } = string.Empty;

    public string? NextStage { get; set; }

    public DateTime? NextActionAtUtc { get; set; }

    public DeadlineState State { get; set; } = DeadlineState.Open;

    public DateTime CreatedAtUtc { get; init; }

    public DateTime? ClosedAtUtc { get; set; }

    public int Version { get; set; }

    /// <summary>Failed attempts to act on the deadline (an error, not a lost race); reset when one succeeds.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Set when the attempts ran out: the sweep leaves the deadline alone until an administrator retries it.</summary>
    public DateTime? ParkedAtUtc { get; set; }

    /// <summary>
    /// The place (county) and registration authority of the instance's subject, copied from the instance when the
    /// deadline opens and whenever the subject moves (<c>WorkflowRuntime.FollowSubjectAsync</c>), so the officers'
    /// overview counts duties by place without reading the instances.
    /// </summary>
    public string? JurisdictionCode { get; set; }

    /// <inheritdoc cref="JurisdictionCode"/>
    public string? AuthorityCode { get; set; }

    /// <summary>When the instance's process finished (null while it runs): a duty of a finished process is settled, whatever its state.</summary>
    public DateTime? ProcessFinishedAtUtc { get; set; }

    public IReadOnlyList<int> Reminders => ParseDays(ReminderDays);

    public IReadOnlyList<int> Done => ParseDays(StagesDone);

    public static string ReminderStage(int daysBefore) => $"reminder-{daysBefore}";

    /// <summary>When the reminder <paramref name="daysBefore"/> days ahead of the due date goes out.</summary>
    public DateTime ReminderAtUtc(int daysBefore, ProvinceCalendar calendar, int reminderHour) =>
        calendar.StartOfDayUtc(DueOn.AddDays(-daysBefore)).AddHours(reminderHour);

    /// <summary>
    /// Sets <see cref="NextStage"/> and <see cref="NextActionAtUtc"/> from the reminders not yet handled; used at
    /// creation and after an extension, so an extension recomputes only the stages not yet sent.
    /// </summary>
    public void Schedule(ProvinceCalendar calendar, int reminderHour)
    {
        ExpiresAtUtc = calendar.EndOfDayUtc(DueOn);
        if (State != DeadlineState.Open || ParkedAtUtc is not null)
        {
            NextStage = null;
            NextActionAtUtc = null;
            return;
        }

        var done = Done;
        var pending = Reminders.Where(d => !done.Contains(d))
            .Select(d => (Stage: ReminderStage(d), At: ReminderAtUtc(d, calendar, reminderHour)))
            .Where(r => r.At < ExpiresAtUtc)
            .OrderBy(r => r.At)
            .ToList();

        (NextStage, NextActionAtUtc) = pending.Count > 0 ? (pending[0].Stage, pending[0].At) : (ExpiryStage, ExpiresAtUtc);
    }

    /// <summary>
    /// The reminder to send now, if any. When several stages have come due at once (the service was down), only the
    /// latest is sent and the earlier ones are marked done: a holder gets the current count, never a burst.
    /// </summary>
    public int? TakeDueReminder(DateTime nowUtc, ProvinceCalendar calendar, int reminderHour)
    {
        var done = Done;
        var due = Reminders.Where(d => !done.Contains(d) && ReminderAtUtc(d, calendar, reminderHour) <= nowUtc)
            .OrderBy(d => d)
            .ToList();
        if (due.Count == 0)
        {
            return null;
        }

        StagesDone = string.Join(',', done.Concat(due).Distinct().OrderByDescending(d => d).Select(d => d.ToString(CultureInfo.InvariantCulture)));
        return due[0];
    }

    /// <summary>
    /// At creation, of the stages whose time has already passed only the latest is returned, to be sent at once (the
    /// holder hears of the deadline now, not at the next stage); the earlier ones are marked done. Nothing is returned
    /// when the due date itself has passed: the expiry speaks for it.
    /// </summary>
    public int? TakePassedReminder(DateTime nowUtc, ProvinceCalendar calendar, int reminderHour)
    {
        if (nowUtc >= calendar.EndOfDayUtc(DueOn))
        {
            StagesDone = ReminderDays;
            return null;
        }

        return TakeDueReminder(nowUtc, calendar, reminderHour);
    }

    /// <summary>Moves the due date: stages already sent stay sent, the others are recomputed from the new date.</summary>
    public void MoveTo(DateOnly dueOn, ProvinceCalendar calendar, int reminderHour)
    {
        DueOn = dueOn;
        Schedule(calendar, reminderHour);
    }

    public void Close(DeadlineState state, DateTime nowUtc)
    {
        State = state;
        ClosedAtUtc = nowUtc;
        NextStage = null;
        NextActionAtUtc = null;
    }

    private static int[] ParseDays(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            .ToArray();
}
