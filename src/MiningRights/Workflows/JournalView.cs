namespace MiningRights.Workflows;

/// <summary>One step of an instance, with the evidence files sent with it.</summary>
public sealed record JournalView(int Sequence, DateTime AtUtc, string Actor, string Trigger, string? FromState, string ToState, string RuleId, string? Note,
    IReadOnlyList<EvidenceView> Evidence)
{
    /// <summary>Every rule the step cited, with sources and rulebook hashes, as stored on its day; null for steps from before citations were kept.</summary>
    public string? Citation { get; init; }
}
