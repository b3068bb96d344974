namespace MiningRights.Listing;

/// <summary>A transfer workflow that ran or runs on a block: its instance and state.</summary>
public sealed record BlockWorkflowView(Guid InstanceId, string DefinitionId, int Version, string State, bool Finished, DateTime StartedAtUtc);
