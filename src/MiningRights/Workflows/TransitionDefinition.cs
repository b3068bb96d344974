namespace MiningRights.Workflows;

public sealed record TransitionDefinition
{
    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>Set for a transition fired by a person; exclusive with <see cref="Deadline"/>.</summary>
    public string? Signal { get; init; }

    /// <summary>Set for a transition fired when the named deadline expires.</summary>
    public string? Deadline { get; init; }

    public required string Rule { get; init; }

    /// <summary>Name of an instance date set to the day the transition fires, e.g. returnedOn.</summary>
    public string? Records { get; init; }

    /// <summary>On a deadline transition: name of an instance date set to the expired deadline's due date, e.g. missedDue.</summary>
    public string? RecordsDue { get; init; }

    /// <summary>A named condition (an <see cref="ITransitionGuard"/>) that must hold for the transition to fire.</summary>
    public string? Guard { get; init; }
}
