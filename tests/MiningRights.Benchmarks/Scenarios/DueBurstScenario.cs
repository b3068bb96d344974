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
/// once, one outbox row each (holders have one contact), nothing failed. Floors, in the same run: of a reminder burst,
/// its notices and deadline updates written again by set statements; of an expiry burst, a reminder burst of the same
/// size on a world of its own (the same claims and notices, without the transition).
/// </summary>
public sealed class DueBurstScenario(bool expiring) : IBenchmarkScenario
{
    public string Name => expiring ? "expiry-burst" : "due-burst";

    public string Unit => expiring ? "expiries" : "due stages";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [100] : settings.DueStages;

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        var (elapsed, rewrite) = await SweepAsync(context, size, expiring, cancellationToken);
        return expiring
            ? new Measurement(elapsed, size, Floor: new Floor("a reminder burst of the same size", (await SweepAsync(context, size, expiring: false, cancellationToken)).Elapsed))
            : new Measurement(elapsed, size, Floor: new Floor("the same rows written by INSERT … SELECT and one UPDATE", rewrite));
    }

    /// <summary>
    /// Seeds a world with <paramref name="size"/> items due and times the one sweep that handles them; then, for a
    /// reminder burst, times the same writes as set statements in one transaction: each queued notice copied by <c>INSERT … SELECT</c> (under a new
    /// id and key) and each deadline's progress columns set by one <c>UPDATE</c>.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, TimeSpan Rewrite)> SweepAsync(BenchmarkContext context, int size, bool expiring, CancellationToken cancellationToken)
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

        return (clock.Elapsed, expiring ? TimeSpan.Zero : await RewriteAsync(db, context.Settings.OnPostgres, size, cancellationToken));
    }

    private static async Task<TimeSpan> RewriteAsync(MiningRightsDbContext db, bool onPostgres, int size, CancellationToken cancellationToken)
    {
        var notices = db.Model.FindEntityType(typeof(Notification))!;
        var deadlines = db.Model.FindEntityType(typeof(Deadline))!;
        string Column(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity, string property) => $"\"{entity.FindProperty(property)!.GetColumnName()}\"";
        var columns = notices.GetProperties().Select(p => p.Name).ToList();
        var newId = onPostgres ? "gen_random_uuid()" : "upper(hex(randomblob(16)))";
        var copied = columns.Select(c => c switch
        {
            nameof(Notification.Id) => newId,
            nameof(Notification.Key) => Column(notices, c) + " || ':again'",
            _ => Column(notices, c),
        });
        var insert = $"INSERT INTO \"Notifications\" ({string.Join(", ", columns.Select(c => Column(notices, c)))}) SELECT {string.Join(", ", copied)} FROM \"Notifications\"";
        var update = $"UPDATE \"Deadlines\" SET {string.Join(", ", Deadline.Progress.Select(c => c switch
        {
            nameof(Deadline.Version) or nameof(Deadline.Attempts) => $"{Column(deadlines, c)} = {Column(deadlines, c)} + 1",
            nameof(Deadline.NextActionAtUtc) or nameof(Deadline.LastError) => $"{Column(deadlines, c)} = NULL",
            _ => $"{Column(deadlines, c)} = {Column(deadlines, c)} || ','",
        }))} WHERE \"Id\" IN (SELECT \"DeadlineId\" FROM \"Notifications\")";

        var clock = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = await db.Database.ExecuteSqlRawAsync(insert, cancellationToken);
        var updated = await db.Database.ExecuteSqlRawAsync(update, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        clock.Stop();
        if (inserted != size || updated != size)
        {
            throw new InvalidOperationException($"The set statements wrote {inserted} notices and {updated} deadlines, not {size} of each.");
        }

        return clock.Elapsed;
    }
}
