namespace MiningRights.Workflows;

/// <summary>
/// Declares a signal a formal decision (行政决定: a disposition, suspension, withdrawal, refusal, return, renewal): the
/// runtime then takes it only with the facts, the legal basis chosen from the rules in force, a document number (文号)
/// and the date, and stores the decision with the step. <see cref="Consequence"/> is what the officer confirms.
/// </summary>
public sealed record DecisionDefinition
{
    /// <summary>What the decision does, stated before it is confirmed and on its document (收回后该矿业权失效…).</summary>
    public required LocalizedText Consequence { get; init; }
}
