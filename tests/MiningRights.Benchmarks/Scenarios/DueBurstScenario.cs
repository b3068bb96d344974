using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;
using MiningRights.Data;
using MiningRights.Deadlines;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// N deadlines due at once (nine in ten a reminder stage, one in ten an expiry that fires the workflow's transition and
/// its overdue notice), among as many more rights not due. Timed: one <see cref="DeadlineSweeper.SweepAsync"/>.
/// Checked: every stage handled once, one outbox row each (holders have one contact), nothing failed.
/// </summary>
public sealed class DueBurstScenario : IBenchmarkScenario
{
    public string Name => "due-burst";

    public string Unit => "due stages";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [100] : settings.DueStages;

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        await using var service = await context.CreateServiceAsync(new Dictionary<string, string?>(), null, cancellationToken);
        await RightsWorld.SeedAsync(service, size * 2, due: size, holders: Math.Max(1, size / 20), DateTime.UtcNow, cancellationToken);

        var sweeper = service.Services.GetRequiredService<DeadlineSweeper>();
        var clock = Stopwatch.StartNew();
        var result = await sweeper.SweepAsync(cancellationToken);
        clock.Stop();

        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var notices = await db.Notifications.CountAsync(cancellationToken);
        if (result.Reminders + result.Expiries != size || result.Failed != 0 || notices != size)
        {
            throw new InvalidOperationException($"{size} due stages, but the sweep did {result} and queued {notices} notices.");
        }

        return new Measurement(clock.Elapsed, size);
    }
}
