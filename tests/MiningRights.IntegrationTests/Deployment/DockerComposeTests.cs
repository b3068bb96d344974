using System.Diagnostics;

namespace MiningRights.IntegrationTests.Deployment;

public sealed class DockerComposeTests
{
    private static readonly TimeSpan ComposeTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The stack is validated, not run (no Docker engine where the project is built): two service nodes on PostgreSQL 17
    /// with a health check, migrated once by a one-shot service before the nodes start, and MailDev.
    /// </summary>
    [Fact]
    public async Task Compose_file_validates_with_two_nodes_on_PostgreSQL_migrated_before_they_start()
    {
        var repositoryRoot = FindRepositoryRoot();

        var (exitCode, output, error) = await RunAsync("docker-compose", "config", repositoryRoot);

        if (exitCode != 0)
        {
            Assert.Fail($"docker-compose config exited with {exitCode}:{Environment.NewLine}{error}{output}");
        }

        Assert.Contains("image: maildev/maildev:2.2.1", output, StringComparison.Ordinal);
        Assert.Contains("image: postgres:17", output, StringComparison.Ordinal);
        Assert.Contains("pg_isready", output, StringComparison.Ordinal);
        Assert.Contains("miningrights-db:/var/lib/postgresql/data", output, StringComparison.Ordinal);
        Assert.Contains("replicas: 2", output, StringComparison.Ordinal);
        Assert.Contains("Database__Provider: Postgres", output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__MiningRights: Host=db", output, StringComparison.Ordinal);
        Assert.Contains("condition: service_completed_successfully", output, StringComparison.Ordinal);
        Assert.Contains("condition: service_healthy", output, StringComparison.Ordinal);
        Assert.Matches(@"command:\s+- migrate", output);
    }

    /// <summary>
    /// The mssql profile, validated the same way: SQL Server 2022 with the licence accepted, the sa password from the
    /// environment (with a default SQL Server accepts), a health check by sqlcmd, and a service node on it migrated first.
    /// </summary>
    [Fact]
    public async Task Compose_file_validates_the_mssql_profile_with_a_node_on_SQL_Server()
    {
        var (exitCode, output, error) = await RunAsync("docker-compose", "--profile mssql config", FindRepositoryRoot());

        Assert.True(exitCode == 0, $"docker-compose --profile mssql config exited with {exitCode}:{Environment.NewLine}{error}{output}");
        Assert.Contains("image: mcr.microsoft.com/mssql/server:2022-latest", output, StringComparison.Ordinal);
        Assert.Matches("ACCEPT_EULA: \"?Y\"?", output);
        Assert.Matches(@"MSSQL_SA_PASSWORD: (?=\S*[A-Z])(?=\S*[a-z])(?=\S*\d)(?=\S*[^A-Za-z\d\s])\S{8,}", output);
        Assert.Contains("sqlcmd", output, StringComparison.Ordinal);
        Assert.Contains("Database__Provider: SqlServer", output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__MiningRights: Server=mssql,1433;Database=miningrights", output, StringComparison.Ordinal);
        Assert.Matches(@"profiles:\s+- mssql", output);
        Assert.Matches(@"migrate-mssql:\s+condition: service_completed_successfully", output);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MiningRights.sln")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} contains MiningRights.sln.");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, string arguments, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(ComposeTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish within {ComposeTimeout.TotalSeconds} s.");
        }

        return (process.ExitCode, await output, await error);
    }
}
