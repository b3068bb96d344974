using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Accounts;
using MiningRights.Benchmarks.Harness;
using MiningRights.Cases;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Rights;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// Rights with a running GS-9d instance and its plan deadline each, written straight into the database with the
/// service's own row writer (columns and conversions from the EF model, so the same rows on SQLite and PostgreSQL),
/// committed every <see cref="RowsPerCommit"/> rights, so that 1,000,000 rights take seconds, not an hour of use cases.
/// </summary>
public static class RightsWorld
{
    private const string Definition = "exploration-plan-deferral";
    private const string CaseDefinition = "case";
    private const int RowsPerCommit = 50_000;

    /// <summary>
    /// <paramref name="rights"/> rights of <paramref name="holders"/> holders. The first <paramref name="due"/> have a
    /// reminder stage due at <paramref name="now"/>, or their expiry when <paramref name="expiring"/>; the others fall
    /// due spread over the next ten years. Of the others, <paramref name="cases"/> spread evenly through the registry missed
    /// their plan in the past year and are in the inspectors' queue: the GS-9d instance in <c>inCase</c>, its deadline
    /// expired, and an open case with its own case workflow, as the workflow leaves them after the grace period.
    /// Returns when the last rights were committed (a <see cref="System.Diagnostics.Stopwatch"/> timestamp): the moment
    /// a service sharing the database sees the last of the due items.
    /// </summary>
    public static async Task<long> SeedAsync(
        BenchmarkService service, int rights, int due, int holders, DateTime now, CancellationToken ct, bool expiring = false, string mailDomain = "bench.test", int cases = 0)
    {
        var registry = service.Services.GetRequiredService<WorkflowRegistry>();
        var definition = registry.Versions(Definition)[^1];
        var caseDefinition = registry.Versions(CaseDefinition)[^1];
        // Every caseEvery-th right from the first not due, with a step that shares no factor with the number of holders
        // (rights go to holders in turn): the cases spread over the holders, a few each, rather than all of some
        // holders' rights.
        var caseEvery = cases > 0 ? Math.Max(1, (rights - due) / cases) : 0;
        while (caseEvery > 1 && System.Numerics.BigInteger.GreatestCommonDivisor(caseEvery, holders) != 1)
        {
            caseEvery--;
        }
        var calendar = ProvinceCalendar.China;
        var today = calendar.DateAt(new DateTimeOffset(now));
        var random = new Random(20261122);

        using var scope = service.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var holderIds = new List<Guid>(holders);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await RowWriter.InsertAsync(db, [new DefinitionSnapshot { ContentHash = definition.ContentHash, DefinitionId = Definition, Version = definition.Definition.Version, Json = definition.Json, StoredAtUtc = now }], ct);
            if (cases > 0)
            {
                await RowWriter.InsertAsync(db, [new DefinitionSnapshot { ContentHash = caseDefinition.ContentHash, DefinitionId = CaseDefinition, Version = caseDefinition.Definition.Version, Json = caseDefinition.Json, StoredAtUtc = now }], ct);
            }

            var holderRows = Holders(holders, mailDomain, now);
            await RowWriter.InsertAsync(db, holderRows, ct);
            holderIds.AddRange(holderRows.Select(h => h.Id));
            await transaction.CommitAsync(ct);
        }

        var casesOpened = 0;
        var committed = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var first = 0; first < rights; first += RowsPerCommit)
        {
            var rightRows = new List<MiningRight>();
            var instanceRows = new List<WorkflowInstance>();
            var deadlineRows = new List<Deadline>();
            var caseRows = new List<Case>();
            for (var i = first; i < Math.Min(rights, first + RowsPerCommit); i++)
            {
                // Due now: a 30-day stage, or the expiry. In a case: missed in the past year, the 15 days' grace over.
                // Otherwise any day of the next ten years.
                var inCase = caseEvery > 0 && i >= due && (i - due) % caseEvery == caseEvery / 2 && casesOpened < cases;
                var dueOn = i < due ? (expiring ? today.AddDays(-1) : today.AddDays(29))
                    : inCase ? today.AddDays(-16 - random.Next(350))
                    : today.AddDays(61 + random.Next(3650));
                var registered = dueOn.AddYears(-1);
                var holderId = holderIds[i % holders];
                var right = ExplorationRight(i, holderId, registered, now);
                var instance = new WorkflowInstance
                {
                    DefinitionId = Definition,
                    DefinitionVersion = definition.Definition.Version,
                    DefinitionHash = definition.ContentHash,
                    State = inCase ? "inCase" : "awaitingPlan",
                    DatesJson = inCase
                        ? $"{{\"registeredOn\":\"{registered:yyyy-MM-dd}\",\"planDue\":\"{dueOn:yyyy-MM-dd}\",\"missedDue\":\"{dueOn:yyyy-MM-dd}\"}}"
                        : $"{{\"registeredOn\":\"{registered:yyyy-MM-dd}\",\"planDue\":\"{dueOn:yyyy-MM-dd}\"}}",
                    Version = inCase ? 3 : 1,
                    CreatedAtUtc = now,
                    UpdatedAtUtc = now,
                    SubjectKind = "right",
                    SubjectId = right.Id,
                    SubjectLabel = right.LicenseNumber,
                    DossierId = right.Id,
                    HolderId = holderId,
                    JurisdictionCode = right.LocationCountyCode,
                    AuthorityCode = right.AuthorityCode,
                };
                var deadline = new Deadline
                {
                    InstanceId = instance.Id,
                    HolderId = holderId,
                    Name = "planDue",
                    RuleId = "GS-9d",
                    WhatZh = "提交勘查实施方案",
                    WhatEn = "Submit the exploration implementation plan",
                    DueOn = dueOn,
                    ReminderDays = "60,30,7,1",
                    StagesDone = i < due ? "60" : string.Empty,
                    CreatedAtUtc = now,
                    JurisdictionCode = instance.JurisdictionCode,
                    AuthorityCode = instance.AuthorityCode,
                };
                if (inCase)
                {
                    // Expired at its due date; the case opened when the grace ended (journal entry 3: start, overdue, inCase).
                    var openedAt = calendar.StartOfDayUtc(dueOn.AddDays(16));
                    deadline.StagesDone = deadline.ReminderDays;
                    deadline.Close(DeadlineState.Expired, calendar.EndOfDayUtc(dueOn));
                    var overdueCase = new Case
                    {
                        Key = $"{instance.Id}:3",
                        RightId = right.Id,
                        HolderId = holderId,
                        InstanceId = instance.Id,
                        JurisdictionCode = right.LocationCountyCode,
                        AuthorityCode = right.AuthorityCode,
                        RuleId = "GS-9d",
                        TitleZh = "探矿权勘查实施方案逾期未提交",
                        TitleEn = "Exploration implementation plan overdue",
                        Severity = 2,
                        DueOn = dueOn,
                        OpenedAtUtc = openedAt,
                    };
                    caseRows.Add(overdueCase);
                    instanceRows.Add(new WorkflowInstance
                    {
                        DefinitionId = CaseDefinition,
                        DefinitionVersion = caseDefinition.Definition.Version,
                        DefinitionHash = caseDefinition.ContentHash,
                        State = "open",
                        DatesJson = $"{{\"openedOn\":\"{dueOn.AddDays(16):yyyy-MM-dd}\"}}",
                        DataJson = $"{{\"sourceInstance\":\"{instance.Id}\"}}",
                        Version = 1,
                        CreatedAtUtc = openedAt,
                        UpdatedAtUtc = openedAt,
                        SubjectKind = CaseSubjectKind.Kind,
                        SubjectId = overdueCase.Id,
                        SubjectLabel = right.LicenseNumber,
                        DossierId = right.Id,
                        HolderId = holderId,
                        JurisdictionCode = right.LocationCountyCode,
                        AuthorityCode = right.AuthorityCode,
                    });
                    casesOpened++;
                }
                else
                {
                    deadline.Schedule(calendar, 9);
                }

                rightRows.Add(right);
                instanceRows.Add(instance);
                deadlineRows.Add(deadline);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await RowWriter.InsertAsync(db, rightRows, ct);
            await RowWriter.InsertAsync(db, instanceRows, ct);
            await RowWriter.InsertAsync(db, deadlineRows, ct);
            await RowWriter.InsertAsync(db, caseRows, ct);
            await transaction.CommitAsync(ct);
            committed = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        // The world is one large write: its statistics are refreshed as the service refreshes them after one.
        await scope.ServiceProvider.GetRequiredService<DatabaseProvider>().RefreshStatisticsAsync(db, ct);
        return committed;
    }

    /// <summary><paramref name="count"/> holders, each with one contact address at <paramref name="mailDomain"/>.</summary>
    public static List<Holder> Holders(int count, string mailDomain, DateTime now) =>
        Enumerable.Range(0, count).Select(i => new Holder
        {
            CreditCode = $"91620100{i:D9}X",
            NameZh = "测试矿业有限公司",
            NameEn = "Test Mining Co., Ltd.",
            Language = "zh-CN",
            ContactEmails = $"holder{i}@{mailDomain}",
            CreatedAtUtc = now,
        }).ToList();

    /// <summary>The <paramref name="i"/>-th exploration right of a world: listed, on blank ground in Subei county, in force for five years from <paramref name="registered"/>.</summary>
    public static MiningRight ExplorationRight(int i, Guid holderId, DateOnly registered, DateTime now) => new()
    {
        LicenseNumber = $"T62{i:D15}",
        Kind = RightKind.Exploration,
        HolderId = holderId,
        ProjectName = "马鬃山金矿普查",
        Minerals = "金",
        AreaKm2 = 12.5m,
        LocationCountyCode = "620923",
        AuthorityCode = "620000",
        TransferMode = TransferMode.Listing,
        BlankArea = true,
        RegisteredOn = registered,
        IssuedOn = registered,
        ExpiresOn = registered.AddYears(5),
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
    };
}
