namespace MiningRights.Contracts;

/// <summary>
/// A monitored duty of a right: what it is, the contract clause it comes from (or the rule, where the contract fixes
/// none), the rule applied with its source, its due date (moved by any accepted relief) and days left, where it stands,
/// whether a relief claim on it waits for the authority, and the case a breach of it opened.
/// </summary>
public sealed record ObligationView(
    Guid InstanceId,
    Guid RightId,
    string LicenseNumber,
    string Workflow,
    string ObligationZh,
    string ObligationEn,
    string Clause,
    string RuleId,
    string RuleSourceZh,
    string RuleSourceEn,
    DateOnly DueOn,
    int DaysLeft,
    string State,
    string StatusZh,
    string StatusEn,
    bool Finished,
    bool ReliefPending,
    Guid? CaseId,
    IReadOnlyList<string> Signals);
