namespace MiningRights.Workflows;

public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>
    /// The folder of workflow definitions. Empty: the repository's <c>workflows/</c> when run from source, otherwise
    /// the copy shipped beside the binary.
    /// </summary>
    public string? Directory { get; set; }

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
                return Path.Combine(dir.FullName, "workflows");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "workflows");
    }
}
