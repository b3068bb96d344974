namespace MiningRights.Workflows;

/// <summary>An instance with its subject, dates, values and journal.</summary>
public sealed record InstanceView(
    Guid Id,
    string SubjectKind,
    Guid SubjectId,
    string SubjectLabel,
    Guid? DossierId,
    string DefinitionId,
    int DefinitionVersion,
    string DefinitionHash,
    string State,
    string StatusZh,
    string StatusEn,
    bool Finished,
    IReadOnlyList<string> Signals,
    IReadOnlyDictionary<string, string> Dates,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<JournalView> Journal);
