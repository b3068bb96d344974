namespace MiningRights.Workflows;

/// <summary>One transition of an instance: who or what caused it, from and to which state, when, under which rule.</summary>
public sealed class JournalEntry
{
    public long Id { get; init; }

    public required Guid InstanceId { get; init; }

    public required int Sequence { get; init; }

    public required DateTime AtUtc { get; init; }

    /// <summary>A user name, or <c>system:deadline</c> for a deadline's expiry.</summary>
    public required string Actor { get; init; }

    /// <summary><c>start</c>, <c>signal:NAME</c> or <c>deadline:NAME</c>.</summary>
    public required string Trigger { get; init; }

    public string? FromState { get; init; }

    public required string ToState { get; init; }

    public required string RuleId { get; init; }

    /// <summary>Longest note kept: a sender's note with every value its signal carried (a report's text may be 4,000 characters).</summary>
    public const int MaxNoteLength = 10_000;

    public string? Note { get; init; }

    /// <summary>Every rule the step cited, with its source and rulebook hash, as they were on its day (<see cref="Policies.Citation.Text"/>).</summary>
    public string? Citation { get; init; }
}
