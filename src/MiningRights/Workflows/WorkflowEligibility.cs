namespace MiningRights.Workflows;

/// <summary>Conditions a right must meet to start the workflow at registration; the refusal names <see cref="Rule"/>.</summary>
public sealed record WorkflowEligibility
{
    public required string Rule { get; init; }

    public required string RightKind { get; init; }

    public required IReadOnlyList<string> TransferModes { get; init; }

    public bool? BlankArea { get; init; }

    /// <summary>True when the workflow fixes the licence's term itself (a provisional licence): registration then takes no expiry date.</summary>
    public bool SetsExpiry { get; init; }
}
