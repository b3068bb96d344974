namespace MiningRights.IntegrationTests.Infrastructure;

public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiningRights.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MiningRights.sln not found above " + AppContext.BaseDirectory);
    }
}
