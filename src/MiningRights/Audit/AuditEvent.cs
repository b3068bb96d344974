namespace MiningRights.Audit;

/// <summary>
/// A change to a right or a decision about it, kept as the right's history. Entries are only ever added; the
/// <see cref="AuditChain"/> seals each, in turn, with its place in the chain and a SHA-256 hash over its content and the
/// hash of the entry before it, so an entry changed or removed afterwards breaks the chain from there on.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; init; }

    public required DateTime AtUtc { get; init; }

    public required string Actor { get; init; }

    /// <summary>What happened, e.g. right.registered, license.reissued, plan.submitted.</summary>
    public required string Action { get; init; }

    /// <summary>The dossier the event is filed in, if any (a right's, for whatever concerns the right): its history lists the event.</summary>
    public Guid? DossierId { get; init; }

    public string? RuleId { get; init; }

    /// <summary>A short human-readable account of the change, in English and Chinese.</summary>
    public required string Detail { get; init; }

    /// <summary>The entry's place in the chain (1, 2, ...), set when it is sealed; null until then.</summary>
    public long? ChainSequence { get; set; }

    /// <summary>SHA-256 (hex) over the entry's content and the previous entry's hash, set when it is sealed.</summary>
    public string? Hash { get; set; }
}
