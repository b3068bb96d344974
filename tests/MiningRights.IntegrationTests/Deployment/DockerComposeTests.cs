using System.Diagnostics;

namespace MiningRights.IntegrationTests.Deployment;

public sealed class DockerComposeTests
{
    private static readonly TimeSpan ComposeTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Compose_file_validates_and_names_the_service_and_maildev()
    {
        var repositoryRoot = FindRepositoryRoot();

        var (exitCode, output, error) = await RunAsync("docker-compose", "config", repositoryRoot);

        if (exitCode != 0)
        {
            Assert.Fail($"docker-compose config exited with {exitCode}:{Environment.NewLine}{error}{output}");
        }

        Assert.Contains("miningrights", output, StringComparison.Ordinal);
        Assert.Contains("maildev", output, StringComparison.Ordinal);
        Assert.Contains("Storage__DataDirectory", output, StringComparison.Ordinal);
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
