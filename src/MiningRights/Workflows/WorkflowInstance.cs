namespace MiningRights.Workflows;

/// <summary>
/// One run of a workflow on one subject (a right, a case, ...), pinned to the definition version and content hash it
/// started with. The subject's owner and places are copied here when it starts, and again when they change (see
/// <see cref="WorkflowRuntime.FollowSubjectAsync"/>), so that who may see the instance is a filter on this row.
/// <see cref="Version"/> is the concurrency token: of two transitions racing on one instance, one commits; it also
/// counts the journal entries.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public required string DefinitionHash { get; init; }

    public required string State { get; set; }

    public bool Finished { get; set; }

    /// <summary>Named dates (registeredOn, planDue, returnedOn, ...) as a JSON object of ISO dates.</summary>
    public string DatesJson { get; set; } = "{}";

    /// <summary>Named values given at start or by signals (plan ids, obligation titles, parameters used).</summary>
    public string DataJson { get; set; } = "{}";

    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<JournalEntry> Journal { get; init; } = [];

    /// <summary>The kind of subject (<c>right</c>, <c>case</c>, ...), see <see cref="ISubjectKind"/>.</summary>
    public required string SubjectKind { get; init; }

    public required Guid SubjectId { get; init; }

    /// <summary>How lists name the subject (a licence number, a block's pool number), kept here so lists need not read the subject.</summary>
    public required string SubjectLabel { get; set; }

    /// <summary>The dossier the subject is filed in, if any (<see cref="Subject.DossierId"/>): the instance is part of its history.</summary>
    public Guid? DossierId { get; set; }

    /// <summary>The holder who owns the subject and sees the instance, if any.</summary>
    public Guid? HolderId { get; set; }

    /// <summary>The subject's location county: officers whose jurisdiction contains it see the instance.</summary>
    public required string JurisdictionCode { get; set; }

    /// <summary>The subject's registration authority: its officers decide.</summary>
    public required string AuthorityCode { get; set; }

    public SubjectRef Subject => new(SubjectKind, SubjectId);

    /// <summary>
    /// The day the duty arose (its grant, contract or registration day): the provincial rules in force then are the ones
    /// every act on it cites. Null for instances started before it was kept: their start day stands.
    /// </summary>
    public DateOnly? ArisenOn { get; init; }
}
