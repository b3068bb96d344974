namespace MiningRights.Rights;

/// <summary>A workflow transition of a right's history as recorded: the process and its version, what moved it, from which state to which, and its note.</summary>
public sealed record HistoryStep(string DefinitionId, int DefinitionVersion, string Trigger, string? FromState, string ToState, string? Note);
