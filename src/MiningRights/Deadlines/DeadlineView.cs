using MiningRights.Workflows;

namespace MiningRights.Deadlines;

/// <summary>A deadline as holders and officers read it: what is due, when, how long is left, under which rule.</summary>
public sealed record DeadlineView(
    Guid Id,
    Guid InstanceId,
    string SubjectKind,
    Guid SubjectId,
    string SubjectLabel,
    Guid? RightId,
    string Name,
    string WhatZh,
    string WhatEn,
    DateOnly DueOn,
    int DaysLeft,
    string RuleId,
    string RuleSourceZh,
    string RuleSourceEn,
    DeadlineState State,
    IReadOnlyList<int> ReminderDaysBefore,
    IReadOnlyList<int> RemindersDone,
    string? NextStage,
    DateTime? NextActionAtUtc,
    int Attempts,
    string? LastError,
    DateTime? ParkedAtUtc);
