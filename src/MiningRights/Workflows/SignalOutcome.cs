namespace MiningRights.Workflows;

/// <summary>What a signal did: the transition it fired, whether it came after the holder's due date, and its journal entry.</summary>
public sealed record SignalOutcome(TransitionDefinition Transition, bool Late, int Sequence);
