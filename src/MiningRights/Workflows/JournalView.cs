namespace MiningRights.Workflows;

public sealed record JournalView(int Sequence, DateTime AtUtc, string Actor, string Trigger, string? FromState, string ToState, string RuleId, string? Note);
