using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;
using MiningRights.Contracts;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// N rights in force with a running geological-data duty each (CN-GEODATA), of which one in a hundred fell due in the
/// past and was reported (read by the daily evaluation, not breached); the others fall due over the next ten years.
/// Timed: one <see cref="PerformanceEvaluator.EvaluateAsync"/> (the world is built once per size; each run is an
/// evaluation). Checked: it breached nothing, and the duties it reads by the due date are exactly those past. Beside it,
/// in the same run: the read the evaluation made before due dates were indexed (every running duty, its dates parsed),
/// and the same evaluation without the deadlines' due index (dropped, then made again); once per world, before the first
/// run, the evaluation on the freshly written world before and after its planner statistics are refreshed.
/// </summary>
public sealed class EvaluationScenario : IBenchmarkScenario
{
    private const string Definition = ContractDuties.GeologicalDataWorkflow;
    private const int RowsPerCommit = 50_000;
    private const int PastEvery = 100;

    private BenchmarkService? _world;
    private int _worldSize;
    private string? _withoutStatistics;

    public string Name => "evaluation";

    public string Unit => "duties";

    public IReadOnlyList<int> Sizes(BenchmarkSettings settings) => settings.Smoke ? [200] : settings.Rights ?? [10_000, 100_000];

    public async Task<Measurement> RunOnceAsync(BenchmarkContext context, int size, CancellationToken cancellationToken)
    {
        var evaluator = await WorldAsync(context, size, cancellationToken);
        var elapsed = await EvaluateAsync(evaluator, cancellationToken);

        await using var scope = _world!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var today = ProvinceCalendar.China.DateAt(DateTimeOffset.UtcNow);
        var past = await db.InstancesPast(PerformanceEvaluator.DueDeadline, today, [Definition]).CountAsync(cancellationToken);
        var expected = (size + PastEvery - 1) / PastEvery;
        if (past != expected)
        {
            throw new InvalidOperationException($"{expected} duties are past their date, but the evaluation's query finds {past}.");
        }

        // What the evaluation read before due dates were indexed: every running duty, its dates parsed to find those past.
        var clock = Stopwatch.StartNew();
        var running = await db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == Definition && !i.Finished).ToListAsync(cancellationToken);
        var pastByValues = running.Count(i => PerformanceEvaluator.DueOf(new InstanceValues(i)) < today);
        clock.Stop();
        if (pastByValues != past)
        {
            throw new InvalidOperationException($"Every running duty read finds {pastByValues} past their date, the evaluation's query {past}.");
        }

        // The same evaluation without the index the evaluator reads due dates by.
        // Both statements name the index and its columns as the EF model does, nothing given from outside.
        var index = DueIndex(db);
        var drop = $"DROP INDEX \"{index.Name}\"";
        var create = $"CREATE INDEX \"{index.Name}\" ON \"Deadlines\" ({string.Join(", ", index.Columns.Select(c => $"\"{c}\""))})";
        await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        TimeSpan withoutIndex;
        try
        {
            withoutIndex = await EvaluateAsync(evaluator, cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(create, CancellationToken.None);
        }

        var note = $"reads {past} duties past their date of {size}; reading every running duty instead {clock.Elapsed.TotalSeconds:F3} s " +
            $"({clock.Elapsed / elapsed:F1}× the whole evaluation); without the due index {withoutIndex.TotalSeconds:F3} s ({withoutIndex / elapsed:F1}×)" +
            (_withoutStatistics is { } first ? $"; {first}" : string.Empty);
        _withoutStatistics = null;
        return new Measurement(elapsed, size, note);
    }

    private static async Task<TimeSpan> EvaluateAsync(PerformanceEvaluator evaluator, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var breached = await evaluator.EvaluateAsync(ct);
        clock.Stop();
        return breached == 0 ? clock.Elapsed : throw new InvalidOperationException($"The evaluation breached {breached} duties; every duty past its date was reported.");
    }

    private static (string Name, IReadOnlyList<string> Columns) DueIndex(MiningRightsDbContext db)
    {
        var deadlines = db.Model.FindEntityType(typeof(Deadline))!;
        string[] properties = [nameof(Deadline.Name), nameof(Deadline.ProcessFinishedAtUtc), nameof(Deadline.DueOn), nameof(Deadline.InstanceId)];
        var index = deadlines.GetIndexes().Single(i => i.Properties.Select(p => p.Name).SequenceEqual(properties));
        return (index.GetDatabaseName()!, index.Properties.Select(p => p.GetColumnName()).ToList());
    }

    /// <summary>
    /// The world of <paramref name="size"/> duties, built when the size changes: the evaluator runs once on the empty
    /// database (connections opened, queries compiled, as a service does at start), the duties are written, the
    /// evaluation is timed once before the world's statistics are refreshed, and then they are.
    /// </summary>
    private async Task<PerformanceEvaluator> WorldAsync(BenchmarkContext context, int size, CancellationToken ct)
    {
        if (_world is not null && _worldSize == size)
        {
            return _world.Services.GetRequiredService<PerformanceEvaluator>();
        }

        if (_world is not null)
        {
            await _world.DisposeAsync();
        }

        _world = await context.CreateServiceAsync(new Dictionary<string, string?>(), null, ct);
        _worldSize = size;
        var evaluator = _world.Services.GetRequiredService<PerformanceEvaluator>();
        await evaluator.EvaluateAsync(ct);
        await SeedAsync(_world, size, DateTime.UtcNow, ct);

        var before = await EvaluateAsync(evaluator, ct);
        await using var scope = _world.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        await scope.ServiceProvider.GetRequiredService<DatabaseProvider>().RefreshStatisticsAsync(db, ct);
        var after = await EvaluateAsync(evaluator, ct);
        _withoutStatistics = $"on the world just written, before its planner statistics were refreshed {before.TotalSeconds:F3} s, after {after.TotalSeconds:F3} s";
        return evaluator;
    }

    private static async Task SeedAsync(BenchmarkService service, int size, DateTime now, CancellationToken ct)
    {
        var registry = service.Services.GetRequiredService<WorkflowRegistry>();
        var definition = registry.Versions(Definition)[^1];
        var calendar = ProvinceCalendar.China;
        var today = calendar.DateAt(new DateTimeOffset(now));
        var random = new Random(20261205);
        var holders = Math.Max(1, size / 100);

        using var scope = service.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var holderRows = RightsWorld.Holders(holders, "bench.test", now);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await RowWriter.InsertAsync(db, [new DefinitionSnapshot { ContentHash = definition.ContentHash, DefinitionId = Definition, Version = definition.Definition.Version, Json = definition.Json, StoredAtUtc = now }], ct);
            await RowWriter.InsertAsync(db, holderRows, ct);
            await transaction.CommitAsync(ct);
        }

        for (var first = 0; first < size; first += RowsPerCommit)
        {
            var rights = new List<MiningRight>();
            var instances = new List<WorkflowInstance>();
            var deadlines = new List<Deadline>();
            for (var i = first; i < Math.Min(size, first + RowsPerCommit); i++)
            {
                // One in a hundred fell due in the past year and was reported; the others fall due over ten years.
                var past = i % PastEvery == 0;
                var dueOn = past ? today.AddDays(-1 - random.Next(365)) : today.AddDays(1 + random.Next(3650));
                var holderId = holderRows[i % holders].Id;
                var right = RightsWorld.ExplorationRight(i, holderId, today.AddYears(-2), now);
                var instance = new WorkflowInstance
                {
                    DefinitionId = Definition,
                    DefinitionVersion = definition.Definition.Version,
                    DefinitionHash = definition.ContentHash,
                    State = past ? "reported" : "open",
                    DatesJson = $"{{\"dueOn\":\"{dueOn:yyyy-MM-dd}\",\"due\":\"{dueOn:yyyy-MM-dd}\"}}",
                    DataJson = "{\"obligationZh\":\"汇交地质资料\",\"obligationEn\":\"Submit the geological data\"}",
                    Version = past ? 2 : 1,
                    CreatedAtUtc = now,
                    UpdatedAtUtc = now,
                    SubjectKind = "right",
                    SubjectId = right.Id,
                    SubjectLabel = right.LicenseNumber,
                    DossierId = right.Id,
                    HolderId = holderId,
                    JurisdictionCode = right.LocationCountyCode,
                    AuthorityCode = right.AuthorityCode,
                    ArisenOn = today.AddYears(-2),
                };
                var deadline = new Deadline
                {
                    InstanceId = instance.Id,
                    HolderId = holderId,
                    Name = PerformanceEvaluator.DueDeadline,
                    RuleId = "CN-GEODATA",
                    WhatZh = "汇交地质资料",
                    WhatEn = "Submit the geological data",
                    DueOn = dueOn,
                    ReminderDays = "30,7,1",
                    CreatedAtUtc = now,
                    JurisdictionCode = instance.JurisdictionCode,
                    AuthorityCode = instance.AuthorityCode,
                };
                if (past)
                {
                    // Reported before its date: the deadline met, the report awaiting the authority.
                    deadline.StagesDone = deadline.ReminderDays;
                    deadline.Close(DeadlineState.Met, calendar.StartOfDayUtc(dueOn.AddDays(-1)));
                }
                else
                {
                    deadline.Schedule(calendar, 9);
                }

                rights.Add(right);
                instances.Add(instance);
                deadlines.Add(deadline);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await RowWriter.InsertAsync(db, rights, ct);
            await RowWriter.InsertAsync(db, instances, ct);
            await RowWriter.InsertAsync(db, deadlines, ct);
            await transaction.CommitAsync(ct);
        }
    }
}
