using System.Text.Json.Serialization;

namespace MiningRights.Policies;

/// <summary>One mineral (矿种) of the mineral list: a code rules name it by, its names, and the other names it is written as (金矿 for 金).</summary>
public sealed record Mineral
{
    public required string Code { get; init; }

    [JsonPropertyName("zh-CN")]
    public required string Zh { get; init; }

    [JsonPropertyName("en")]
    public required string En { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];
}
