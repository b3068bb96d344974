namespace MiningRights.Workflows;

/// <summary>What a signal did: the transition it fired, and whether it came after the holder's due date.</summary>
public sealed record SignalOutcome(TransitionDefinition Transition, bool Late);
