namespace MiningRights.Rights;

/// <summary>A process running on (or about) a right, with what its state means to people.</summary>
public sealed record WorkflowView(Guid InstanceId, string DefinitionId, int Version, string SubjectKind, Guid SubjectId, string State, string StatusZh, string StatusEn, bool Finished);
