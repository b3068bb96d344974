using MiningRights.Benchmarks.Harness;

namespace MiningRights.Benchmarks.Tests;

/// <summary>
/// The benchmark harness keeps working: its smoke mode runs every scenario once with tiny sizes and checks each outcome
/// (on PostgreSQL this includes one and two service processes sweeping and delivering 20 due stages).
/// </summary>
public sealed class SmokeTests
{
    [Fact]
    public async Task Smoke_mode_runs_every_scenario_and_prints_a_row_for_each()
    {
        using var output = new StringWriter();

        var exitCode = await BenchmarkProgram.RunAsync(["--smoke"], output, CancellationToken.None);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        var rows = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.NotEmpty(BenchmarkProgram.Scenarios);
        foreach (var scenario in BenchmarkProgram.Scenarios)
        {
            var row = Assert.Single(rows, l => l.StartsWith(scenario.Name + " ", StringComparison.Ordinal));
            Assert.DoesNotContain("FAILED", row, StringComparison.Ordinal);
        }

        // Service nodes need PostgreSQL: on SQLite those scenarios say so instead of failing.
        Assert.Contains(rows, l => l.StartsWith("two-nodes    skipped: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Smoke_mode_runs_every_scenario_on_PostgreSQL_too()
    {
        using var output = new StringWriter();

        var exitCode = await BenchmarkProgram.RunAsync(["--smoke", "--provider", "postgres"], output, CancellationToken.None);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Contains("postgres", text, StringComparison.Ordinal);
        foreach (var scenario in BenchmarkProgram.Scenarios)
        {
            Assert.Contains(text.Split('\n'), l => l.StartsWith(scenario.Name + " ", StringComparison.Ordinal) && !l.Contains("FAILED", StringComparison.Ordinal) && !l.Contains("skipped", StringComparison.Ordinal));
        }

        // The two-node burst says how the work split between the nodes.
        Assert.Contains(text.Split('\n'), l => l.TrimStart().StartsWith("run 1: swept ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_option_is_refused_with_the_usage()
    {
        using var output = new StringWriter();

        var exitCode = await BenchmarkProgram.RunAsync(["--notice", "10"], output, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown option '--notice'", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--notices A,B,...", output.ToString(), StringComparison.Ordinal);
    }
}
