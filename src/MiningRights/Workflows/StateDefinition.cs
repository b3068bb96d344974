using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MiningRights.Workflows;

public sealed record StateDefinition
{
    /// <summary>What the state means to the holder, shown in reminders and on the right ("plan not submitted").</summary>
    public required LocalizedText Status { get; init; }

    /// <summary>The deadline running while the instance is in this state; a later state naming the same deadline keeps it running.</summary>
    public string? Deadline { get; init; }

    /// <summary>Several clocks running at once in this state (a contract's dated duties); combined with <see cref="Deadline"/>.</summary>
    public IReadOnlyList<string> Deadlines { get; init; } = [];

    /// <summary>Every deadline that runs while the instance is in this state.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Running => Deadline is null ? Deadlines : [Deadline, .. Deadlines.Where(d => d != Deadline)];

    public bool Final { get; init; }

    /// <summary>Activities run, in order, when the state is entered; each is an object with "activity" and its parameters.</summary>
    public IReadOnlyList<JsonObject> OnEntry { get; init; } = [];
}
