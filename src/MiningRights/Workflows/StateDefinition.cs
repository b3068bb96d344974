using System.Text.Json.Nodes;

namespace MiningRights.Workflows;

public sealed record StateDefinition
{
    /// <summary>What the state means to the holder, shown in reminders and on the right ("plan not submitted").</summary>
    public required LocalizedText Status { get; init; }

    /// <summary>The deadline running while the instance is in this state; a later state naming the same deadline keeps it running.</summary>
    public string? Deadline { get; init; }

    public bool Final { get; init; }

    /// <summary>Activities run, in order, when the state is entered; each is an object with "activity" and its parameters.</summary>
    public IReadOnlyList<JsonObject> OnEntry { get; init; } = [];
}
