namespace MiningRights;

/// <summary>Small rules for text the service writes back to people.</summary>
public static class Text
{
    /// <summary>A value a user sent, cut short before it is echoed in an answer, so an error never returns a huge input.</summary>
    public static string Cut(string? value, int max = 64) =>
        value is null ? string.Empty : value.Length <= max ? value : string.Concat(value.AsSpan(0, max), "…");
}
