using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;
using MiningRights.Deadlines;
using MiningRights.Workflows;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// N rights whose deadlines fall over the next ten years, none due: the sweep that runs every minute and finds
/// nothing. Timed: one <see cref="DeadlineSweeper.SweepAsync"/> (the world is built once per size; each run is a sweep).
/// Checked: it did nothing.
/// </summary>
public sealed class IdleSweepScenario : IBenchmarkScenario
{
    private BenchmarkService? _world;
    private int _worldSize;

    public string Name => "idle-sweep";

    public string Unit => "rights";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [200] : settings.Rights ?? [10_000, 100_000];

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        if (_world is null || _worldSize != size)
        {
            if (_world is not null)
            {
                await _world.DisposeAsync();
            }

            _world = await context.CreateServiceAsync(new Dictionary<string, string?>(), null, cancellationToken);
            _worldSize = size;
            await RightsWorld.SeedAsync(_world, size, due: 0, holders: Math.Max(1, size / 100), DateTime.UtcNow, cancellationToken);

            // The first sweep opens connections and compiles queries; a service does that once, at start.
            await _world.Services.GetRequiredService<DeadlineSweeper>().SweepAsync(cancellationToken);
        }

        var sweeper = _world.Services.GetRequiredService<DeadlineSweeper>();
        var clock = Stopwatch.StartNew();
        var result = await sweeper.SweepAsync(cancellationToken);
        clock.Stop();
        if (result.Reminders + result.Expiries + result.Failed != 0)
        {
            throw new InvalidOperationException($"An idle sweep acted: {result}.");
        }

        return new Measurement(clock.Elapsed, size);
    }
}
