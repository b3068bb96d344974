using System.Diagnostics;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>
/// A command of the built service (<c>MiningRights.Web verify-audit</c>, <c>backup DIR</c>, ...) run as an operator runs
/// it: the Release build as a process of its own, on a test service's data folder and database.
/// </summary>
public static class ServiceCommand
{
    public static async Task<(int Exit, string Output)> RunAsync(ServiceFactory factory, params string[] arguments)
    {
        var binary = Path.Combine(RepositoryRoot.Find(), "src", "MiningRights.Web", "bin", "Release", "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = binary, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(binary, "MiningRights.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DataDirectory"] = factory.DataDirectory;
        start.Environment["Workflows__Directory"] = Path.Combine(RepositoryRoot.Find(), "workflows");
        foreach (var (key, value) in TestDatabase.SettingsFor(factory.DataDirectory))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
