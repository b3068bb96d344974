namespace MiningRights.Policies;

/// <summary>Configuration section <c>Policies</c>: where the product's rulebooks are, and how often a node looks for rulebooks added on another.</summary>
public sealed class RulebookOptions
{
    public const string Section = "Policies";

    /// <summary>
    /// The folder of the product's rulebooks and mineral list. Empty: the repository's <c>src/MiningRights/Policies/Rulebooks</c>
    /// when run from source, otherwise the copy shipped beside the binary (<c>rulebooks/</c>).
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Seconds between a node's looks for rulebooks an administrator added through another node.</summary>
    public int RefreshSeconds { get; set; } = 60;

    public string ResolveDirectory()
    {
        if (!string.IsNullOrWhiteSpace(Directory))
        {
            return Path.GetFullPath(Directory);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiningRights.sln")))
            {
                return Path.Combine(dir.FullName, "src", "MiningRights", "Policies", "Rulebooks");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "rulebooks");
    }
}
