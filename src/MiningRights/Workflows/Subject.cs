namespace MiningRights.Workflows;

/// <summary>
/// What an instance runs on, as the runtime needs to know it: who owns it (the holder who may see it and is told),
/// where it lies (the jurisdiction whose officers see it), who decides on it (the registration authority), and how
/// notices name it. Read through its <see cref="ISubjectKind"/>, never by the runtime itself.
/// </summary>
public sealed record Subject
{
    public required string Kind { get; init; }

    public required Guid Id { get; init; }

    /// <summary>How notices and lists name it: a licence number, or a case's right and number.</summary>
    public required string Label { get; init; }

    /// <summary>A second line: the project name, a case title.</summary>
    public required string Detail { get; init; }

    public Guid? HolderId { get; init; }

    /// <summary>"中文名 (English name)" of the holder, for notices; empty when the subject has no holder yet.</summary>
    public string HolderName { get; init; } = string.Empty;

    /// <summary>The location county: its officers and inspectors see the subject.</summary>
    public required string JurisdictionCode { get; init; }

    /// <summary>The registration authority: its officers decide on the subject.</summary>
    public required string AuthorityCode { get; init; }

    /// <summary>
    /// The dossier (案卷) the subject is filed in, if any: the register entry whose history shows the instance. The
    /// subject kind decides which it is: whatever concerns a right (its plans, cases, duties, verification) is filed in the right's.
    /// </summary>
    public Guid? DossierId { get; init; }

    /// <summary>Facts of the subject's own that every notice about it states (amounts owed, a late charge).</summary>
    public IReadOnlyList<Workflows.NoticeLine> Lines { get; init; } = [];

    /// <summary>The date that picks the version of a workflow the subject starts (a right keeps the rules of its registration day).</summary>
    public required DateOnly AnchorDate { get; init; }

    /// <summary>What a rule asks of the subject to tell whether it applies (a right's kind, transfer mode, minerals); null: only its place.</summary>
    public Policies.RuleSubject? Scope { get; init; }
}
