using System.Text.Json.Serialization;

namespace MiningRights;

/// <summary>Text a holder or officer reads, in Simplified Chinese and English.</summary>
public sealed record LocalizedText
{
    [JsonPropertyName("zh-CN")]
    public required string Zh { get; init; }

    [JsonPropertyName("en")]
    public required string En { get; init; }

    public string In(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;
}
