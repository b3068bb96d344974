using Microsoft.Extensions.DependencyInjection;
using MiningRights.Benchmarks.Harness;
using MiningRights.Cases;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Rights;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Benchmarks.Scenarios;

/// <summary>
/// A province's register for the overview to count, written straight into the database with the service's row writer
/// (as <see cref="RightsWorld"/>): rights spread over the twelve Gansu counties the service knows, a third of them mining rights, one in
/// five not in force (suspended, withdrawn, expired or lapsed), expiring over the next four years; each right in force
/// with its renewal process (a quarter of them applied for) and its apply-by deadline, each right with one duty process
/// and its deadline from a year ago to ten years on, and one right in fifty with a case in one of its stages.
/// </summary>
public static class OverviewWorld
{
    private const int RowsPerCommit = 20_000;

    private static readonly string[] Counties =
        ["620102", "620103", "620123", "620302", "620321", "620402", "620422", "620902", "620923", "620924", "623001", "623024"];

    private static readonly RightStatus[] NotInForce = [RightStatus.Suspended, RightStatus.Withdrawn, RightStatus.Expired, RightStatus.Lapsed];

    private static readonly CaseStatus[] Stages = [CaseStatus.Open, CaseStatus.FindingsRecorded, CaseStatus.Rectifying, CaseStatus.AwaitingDecision, CaseStatus.Closed];

    public static async Task SeedAsync(BenchmarkService service, int rights, DateTime now, CancellationToken ct)
    {
        var today = ProvinceCalendar.China.DateAt(new DateTimeOffset(now));
        var random = new Random(20261204);
        using var scope = service.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var holders = RightsWorld.Holders(Math.Max(1, rights / 100), "overview.test", now);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await RowWriter.InsertAsync(db, holders, ct);
            await transaction.CommitAsync(ct);
        }

        for (var first = 0; first < rights; first += RowsPerCommit)
        {
            var rightRows = new List<MiningRight>();
            var instanceRows = new List<WorkflowInstance>();
            var deadlineRows = new List<Deadline>();
            var caseRows = new List<Case>();
            for (var i = first; i < Math.Min(rights, first + RowsPerCommit); i++)
            {
                var county = Counties[i % Counties.Length];
                var expiresOn = today.AddDays(-30 + random.Next(4 * 365));
                var status = i % 5 == 4 ? NotInForce[i / 5 % NotInForce.Length] : i % 97 == 0 ? RightStatus.Provisional : RightStatus.Active;
                var right = new MiningRight
                {
                    LicenseNumber = $"C62{i:D15}",
                    Kind = i % 3 == 0 ? RightKind.Mining : RightKind.Exploration,
                    HolderId = holders[i % holders.Count].Id,
                    ProjectName = "概览基准项目",
                    Minerals = "金",
                    AreaKm2 = 8m,
                    LocationCountyCode = county,
                    AuthorityCode = "620000",
                    TransferMode = TransferMode.Listing,
                    RegisteredOn = expiresOn.AddYears(-5),
                    IssuedOn = expiresOn.AddYears(-5),
                    ExpiresOn = expiresOn,
                    Status = status,
                    CreatedAtUtc = now,
                    UpdatedAtUtc = now,
                };
                rightRows.Add(right);

                if (status is RightStatus.Active or RightStatus.Provisional or RightStatus.Suspended && expiresOn >= today)
                {
                    var applied = i % 4 == 0;
                    var renewal = Instance(right, "renewal", applied ? "applied" : "open", now);
                    var applyBy = expiresOn.AddDays(-30);
                    instanceRows.Add(renewal);
                    deadlineRows.Add(Duty(renewal, applied ? DeadlineState.Met : applyBy < today ? DeadlineState.Expired : DeadlineState.Open, applyBy,
                        "在有效期届满30日前申请延续", "Apply for renewal at least 30 days before the licence expires", now));
                }

                var dutyDue = today.AddDays(-365 + random.Next(11 * 365));
                var duty = Instance(right, "exploration-work", dutyDue < today ? "overdue" : "open", now);
                instanceRows.Add(duty);
                deadlineRows.Add(Duty(duty, dutyDue < today ? DeadlineState.Expired : DeadlineState.Open, dutyDue, "提交年度勘查报告", "Submit the annual exploration report", now));
                if (i % 50 == 7)
                {
                    var stage = Stages[i / 50 % Stages.Length];
                    caseRows.Add(new Case
                    {
                        Key = $"{duty.Id}:overview",
                        RightId = right.Id,
                        HolderId = right.HolderId,
                        InstanceId = duty.Id,
                        JurisdictionCode = county,
                        AuthorityCode = right.AuthorityCode,
                        RuleId = "GS-9d",
                        TitleZh = "年度勘查报告逾期未提交",
                        TitleEn = "Annual exploration report overdue",
                        Severity = 2,
                        DueOn = dutyDue,
                        Status = stage,
                        OpenedAtUtc = now,
                        ClosedAtUtc = stage == CaseStatus.Closed ? now : null,
                    });
                }
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await RowWriter.InsertAsync(db, rightRows, ct);
            await RowWriter.InsertAsync(db, instanceRows, ct);
            await RowWriter.InsertAsync(db, deadlineRows, ct);
            await RowWriter.InsertAsync(db, caseRows, ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static WorkflowInstance Instance(MiningRight right, string definition, string state, DateTime now) => new()
    {
        DefinitionId = definition,
        DefinitionVersion = 1,
        DefinitionHash = "overview-benchmark",
        State = state,
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
        SubjectKind = RightSubjectKind.Kind,
        SubjectId = right.Id,
        SubjectLabel = right.LicenseNumber,
        DossierId = right.Id,
        HolderId = right.HolderId,
        JurisdictionCode = right.LocationCountyCode,
        AuthorityCode = right.AuthorityCode,
    };

    private static Deadline Duty(WorkflowInstance instance, DeadlineState state, DateOnly dueOn, string whatZh, string whatEn, DateTime now) => new()
    {
        InstanceId = instance.Id,
        HolderId = instance.HolderId,
        Name = "duty",
        RuleId = "GS-9d",
        WhatZh = whatZh,
        WhatEn = whatEn,
        DueOn = dueOn,
        State = state,
        CreatedAtUtc = now,
        JurisdictionCode = instance.JurisdictionCode,
        AuthorityCode = instance.AuthorityCode,
    };
}
