namespace MiningRights.Workflows;

/// <summary>
/// A process a right may start at registration (a deferral, a provisional licence): <see cref="Rule"/> names the rule or
/// the provision that allows it. Which rights it covers is the rule's own scope, in its rulebook; the refusal names it.
/// </summary>
public sealed record WorkflowEligibility
{
    public required string Rule { get; init; }

    /// <summary>True when the workflow fixes the licence's term itself (a provisional licence): registration then takes no expiry date.</summary>
    public bool SetsExpiry { get; init; }
}
