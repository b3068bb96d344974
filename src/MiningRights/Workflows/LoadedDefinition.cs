namespace MiningRights.Workflows;

/// <summary>A validated definition with the file it came from and the SHA-256 of its content.</summary>
public sealed record LoadedDefinition(WorkflowDefinition Definition, string File, string ContentHash, string Json);
