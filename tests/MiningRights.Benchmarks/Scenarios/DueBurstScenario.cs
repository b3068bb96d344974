using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Notifications;
using MiningRights.Workflows;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// N deadlines due at once among as many more rights not due: <c>due-burst</c>, a reminder stage each (a claim and an
/// outbox row); <c>expiry-burst</c>, an expiry each, which fires the workflow's transition (journal entry, the next
/// deadline, the overdue notice). Timed: one <see cref="DeadlineSweeper.SweepAsync"/>. Checked: every item handled
/// once, one outbox row each (holders have one contact), nothing failed. The floor of an expiry burst, in the same
/// run: a reminder burst of the same size on a world of its own (the same claims and notices, without the transition).
/// </summary>
public sealed class DueBurstScenario(bool expiring) : IBenchmarkScenario
{
    public string Name => expiring ? "expiry-burst" : "due-burst";

    public string Unit => expiring ? "expiries" : "due stages";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [100] : settings.DueStages;

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        var elapsed = await SweepAsync(context, size, expiring, cancellationToken);
        return expiring
            ? new Measurement(elapsed, size, Floor: new Floor("a reminder burst of the same size", await SweepAsync(context, size, expiring: false, cancellationToken)))
            : new Measurement(elapsed, size);
    }

    /// <summary>Seeds a world with <paramref name="size"/> items due and times the one sweep that handles them.</summary>
    private static async Task<TimeSpan> SweepAsync(BenchmarkContext context, int size, bool expiring, CancellationToken cancellationToken)
    {
        await using var service = await context.CreateServiceAsync(new Dictionary<string, string?>(), null, cancellationToken);
        await RightsWorld.SeedAsync(service, size * 2, due: size, holders: Math.Max(1, size / 20), DateTime.UtcNow, cancellationToken, expiring);

        var sweeper = service.Services.GetRequiredService<DeadlineSweeper>();
        var clock = Stopwatch.StartNew();
        var result = await sweeper.SweepAsync(cancellationToken);
        clock.Stop();

        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var notices = await db.Notifications.CountAsync(cancellationToken);
        var handled = expiring ? result.Expiries : result.Reminders;
        if (handled != size || result.Reminders + result.Expiries != size || result.Failed != 0 || notices != size)
        {
            throw new InvalidOperationException($"{size} due {(expiring ? "expiries" : "due stages")}, but the sweep did {result} and queued {notices} notices.");
        }

        return clock.Elapsed;
    }
}
