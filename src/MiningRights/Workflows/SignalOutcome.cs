namespace MiningRights.Workflows;

/// <summary>What a signal did: the transition it fired, whether it came after the holder's due date, its journal entry, and the rule that entry cites first.</summary>
public sealed record SignalOutcome(TransitionDefinition Transition, bool Late, int Sequence, string RuleId);
