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
}
