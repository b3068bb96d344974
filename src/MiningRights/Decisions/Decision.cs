namespace MiningRights.Decisions;

/// <summary>
/// A formal decision (决定书) taken by a workflow signal the definition declares a decision: its document number (文号),
/// date, addressee, facts, legal basis as cited on the day, and what was decided. Stored with the step's journal entry,
/// in the same unit of work as the state change and its notices.
/// </summary>
public sealed class Decision
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The document number, e.g. 甘自然资矿决〔2026〕17号; unique across the service.</summary>
    public required string Number { get; init; }

    /// <summary>The issuing registration authority (the subject's), whose numbering the serial belongs to.</summary>
    public required string AuthorityCode { get; init; }

    public int Year { get; init; }

    /// <summary>The serial the service gave within the authority and year; null for a number the officer entered.</summary>
    public int? Serial { get; init; }

    public DateOnly DecidedOn { get; init; }

    public Guid InstanceId { get; init; }

    public int JournalSequence { get; init; }

    public required string DefinitionId { get; init; }

    public required string Signal { get; init; }

    public required string SubjectKind { get; init; }

    public Guid SubjectId { get; init; }

    public required string SubjectLabel { get; init; }

    public Guid? RightId { get; init; }

    /// <summary>The addressee: the holder the decision is about.</summary>
    public Guid? HolderId { get; init; }

    /// <summary>What was decided: the signal's name in both languages.</summary>
    public required string TitleZh { get; init; }

    public required string TitleEn { get; init; }

    public required string ConsequenceZh { get; init; }

    public required string ConsequenceEn { get; init; }

    /// <summary>The facts and reasons (事实和理由) as the officer wrote them.</summary>
    public required string Facts { get; init; }

    /// <summary>The terms the signal carried (an amount, a date, an order), as name = value lines.</summary>
    public string? Terms { get; init; }

    public required string RuleId { get; init; }

    /// <summary>The legal basis as cited on the day, pinned to its rulebook.</summary>
    public required string Citation { get; init; }

    public required string DecidedBy { get; init; }

    public DateTime RecordedAtUtc { get; init; }
}
