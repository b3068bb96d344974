using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Rights;
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
    private const int RowsPerCommit = 50_000;

    /// <summary>
    /// <paramref name="rights"/> rights of <paramref name="holders"/> holders. The first <paramref name="due"/> have a
    /// reminder stage due at <paramref name="now"/>, or their expiry when <paramref name="expiring"/>; the others fall
    /// due spread over the next ten years.
    /// </summary>
    public static async Task SeedAsync(BenchmarkService service, int rights, int due, int holders, DateTime now, CancellationToken ct, bool expiring = false, string mailDomain = "bench.test")
    {
        var registry = service.Services.GetRequiredService<WorkflowRegistry>();
        var definition = registry.Versions(Definition)[^1];
        var calendar = ProvinceCalendar.China;
        var today = calendar.DateAt(new DateTimeOffset(now));
        var random = new Random(20261122);

        using var scope = service.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var holderIds = new List<Guid>(holders);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await RowWriter.InsertAsync(db, [new DefinitionSnapshot { ContentHash = definition.ContentHash, DefinitionId = Definition, Version = definition.Definition.Version, Json = definition.Json, StoredAtUtc = now }], ct);
            var holderRows = Enumerable.Range(0, holders).Select(i => new Holder
            {
                CreditCode = $"91620100{i:D9}X",
                NameZh = "测试矿业有限公司",
                NameEn = "Test Mining Co., Ltd.",
                Language = "zh-CN",
                ContactEmails = $"holder{i}@{mailDomain}",
                CreatedAtUtc = now,
            }).ToList();
            await RowWriter.InsertAsync(db, holderRows, ct);
            holderIds.AddRange(holderRows.Select(h => h.Id));
            await transaction.CommitAsync(ct);
        }

        for (var first = 0; first < rights; first += RowsPerCommit)
        {
            var rightRows = new List<MiningRight>();
            var instanceRows = new List<WorkflowInstance>();
            var deadlineRows = new List<Deadline>();
            for (var i = first; i < Math.Min(rights, first + RowsPerCommit); i++)
            {
                // Due now: a 30-day stage, or the expiry. Otherwise any day of the next ten years.
                var dueOn = i < due ? (expiring ? today.AddDays(-1) : today.AddDays(29)) : today.AddDays(61 + random.Next(3650));
                var registered = dueOn.AddYears(-1);
                var holderId = holderIds[i % holders];
                var right = new MiningRight
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
                var instance = new WorkflowInstance
                {
                    DefinitionId = Definition,
                    DefinitionVersion = definition.Definition.Version,
                    DefinitionHash = definition.ContentHash,
                    State = "awaitingPlan",
                    DatesJson = $"{{\"registeredOn\":\"{registered:yyyy-MM-dd}\",\"planDue\":\"{dueOn:yyyy-MM-dd}\"}}",
                    Version = 1,
                    CreatedAtUtc = now,
                    UpdatedAtUtc = now,
                    SubjectKind = "right",
                    SubjectId = right.Id,
                    SubjectLabel = right.LicenseNumber,
                    RightId = right.Id,
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
                };
                deadline.Schedule(calendar, 9);
                rightRows.Add(right);
                instanceRows.Add(instance);
                deadlineRows.Add(deadline);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await RowWriter.InsertAsync(db, rightRows, ct);
            await RowWriter.InsertAsync(db, instanceRows, ct);
            await RowWriter.InsertAsync(db, deadlineRows, ct);
            await transaction.CommitAsync(ct);
        }
    }
}
