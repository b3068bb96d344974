using System.Diagnostics;
using System.Runtime.InteropServices;
using MiningRights.Benchmarks.Scenarios;

namespace MiningRights.Benchmarks.Harness;

/// <summary>Runs the selected scenarios and prints one table row per scenario and size as soon as it is measured.</summary>
public static class BenchmarkProgram
{
    /// <summary>Every scenario of the harness, in the order they run.</summary>
    public static IReadOnlyList<IBenchmarkScenario> Scenarios { get; } =
    [
        new IdleSweepScenario(),
        new DueBurstScenario(expiring: false),
        new DueBurstScenario(expiring: true),
        new DeliveryScenario(),
        new NodeBurstScenario(nodes: 1),
        new NodeBurstScenario(nodes: 2),
        new PagesScenario(),
        new LoadScenario(),
        new ListingScenario(),
        new ImportScenario(),
        new OverviewScenario(),
        new EvaluationScenario(),
    ];

    /// <returns>0 when every run succeeded and checked out, 1 when one failed, 2 for a bad command line.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        BenchmarkSettings settings;
        try
        {
            settings = BenchmarkSettings.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await output.WriteLineAsync(ex.Message);
            await output.WriteLineAsync(BenchmarkSettings.Usage);
            return 2;
        }

        if (settings.Help)
        {
            await output.WriteLineAsync(BenchmarkSettings.Usage);
            return 0;
        }

        var unknown = settings.Scenarios.Where(name => Scenarios.All(s => s.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            await output.WriteLineAsync($"Unknown scenario '{string.Join("', '", unknown)}'. Scenarios: {string.Join(", ", Scenarios.Select(s => s.Name))}.");
            return 2;
        }

        var selected = Scenarios.Where(s => settings.Scenarios.Count == 0 || settings.Scenarios.Contains(s.Name)).ToList();
        var runs = settings.Smoke ? 1 : settings.Runs;
        await output.WriteLineAsync(
            $"MiningRights benchmarks{(settings.Smoke ? " (smoke: tiny sizes, one run)" : string.Empty)} · {RuntimeInformation.FrameworkDescription} · " +
            $"{RuntimeInformation.OSDescription} · {Environment.ProcessorCount} cores · {settings.Provider} · delivery parallelism {settings.Parallelism}");
        await output.WriteLineAsync("Figures are seconds of the measured work over the runs; per second is at the median; peak RSS is the process's peak so far.");
        await output.WriteLineAsync();
        await output.WriteLineAsync(ResultRow.Header);

        var failed = false;
        await using var context = new BenchmarkContext(settings, FindRepositoryRoot());
        foreach (var scenario in selected)
        {
            if (scenario.CannotRun(settings) is { } reason)
            {
                await output.WriteLineAsync($"{scenario.Name,-12} skipped: {reason}");
                continue;
            }

            foreach (var size in scenario.Sizes(settings))
            {
                var measurements = new List<Measurement>();
                try
                {
                    for (var run = 0; run < runs; run++)
                    {
                        measurements.Add(await scenario.RunOnceAsync(context, size, ct));
                    }

                    using var process = Process.GetCurrentProcess();
                    await output.WriteLineAsync(new ResultRow(scenario.Name, scenario.Unit, size, measurements, process.PeakWorkingSet64).Format());
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed = true;
                    await output.WriteLineAsync($"{scenario.Name,-12} {size,7}  FAILED in run {measurements.Count + 1}: {ex.Message}");
                }
            }
        }

        return failed ? 1 : 0;
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MiningRights.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("MiningRights.sln not found above " + AppContext.BaseDirectory);
    }
}
