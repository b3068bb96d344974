namespace MiningRights.Benchmarks.Harness;

/// <summary>
/// One thing to measure. A scenario builds a fresh world of the given size for every run (a new SQLite file through
/// <see cref="BenchmarkContext.CreateServiceAsync"/>), times only the work it is about, and then checks the outcome,
/// throwing when it is wrong: a fast wrong answer is not a result. Add a scenario by writing one class and listing it
/// in <see cref="BenchmarkProgram.Scenarios"/>.
/// </summary>
public interface IBenchmarkScenario
{
    /// <summary>Short name, used by <c>--scenario</c> and in the table.</summary>
    string Name { get; }

    /// <summary>What the size counts, e.g. "notices" or "rights".</summary>
    string Unit { get; }

    /// <summary>The sizes to run: from the command line, or tiny ones when <see cref="BenchmarkSettings.Smoke"/>.</summary>
    IReadOnlyList<int> Sizes(BenchmarkSettings settings);

    /// <summary>Why the scenario cannot run with <paramref name="settings"/> (e.g. it needs PostgreSQL), or null when it can.</summary>
    string? CannotRun(BenchmarkSettings settings) => null;

    Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken);
}
