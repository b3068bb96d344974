using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Policies;
using MiningRights.Rights;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Verification;

/// <summary>
/// Gathers the rights nearing expiry into one verification batch per registration authority for the current quarter
/// (GS-9b): every right in force of a province where the verification policy is in force whose expiry falls in the
/// window (<c>VerificationWindowQuarters</c>, default 2: the next two quarters, so a run on 2026-01-15 gathers expiries
/// from 2026-04-01 to 2026-09-30). Rights expiring in the current quarter are not gathered again: the previous
/// quarter's batch, whose window began with this quarter, gathered them. Each right becomes a task for its
/// location county, whose result goes to the batch's authority (GS-9c: a province-level right's straight to the
/// province; the Ministry's rights, 100000, to their province, which forwards them). Run again for the same quarter it
/// only adds the rights that were missing (registered since, or expiry moved into the window): never a second batch
/// or task, which unique indexes also hold across nodes.
/// </summary>
public sealed class QuarterlyVerification(MiningRightsDbContext db, WorkflowRuntime runtime, WorkflowRegistry registry, PolicyBook policies, TimeProvider time)
{
    public const string BatchWorkflow = "quarterly-verification";
    public const string TaskWorkflow = "verification-task";
    public const string Ministry = "100000";

    /// <summary>A batch and how many rights this run added to it.</summary>
    public sealed record Outcome(VerificationBatch Batch, int Added, bool Created);

    /// <summary>
    /// Runs for the quarter of today. <paramref name="owners"/> limits it to batches owned by those authorities (an
    /// officer's own subtree); null runs it for all. With no verification policy in force today the scheduled run does
    /// nothing, and one asked for (<paramref name="onDemand"/>) is refused under GS-9b, saying so.
    /// </summary>
    public async Task<IReadOnlyList<Outcome>> RunAsync(IReadOnlyCollection<string>? owners, Actor actor, CancellationToken ct, bool onDemand = false)
    {
        var today = ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var policy = registry.FindInForce(BatchWorkflow, today);
        if (policy is null)
        {
            var versions = registry.Versions(BatchWorkflow);
            return onDemand
                ? throw RefusalException.ByRule("GS-9b",
                    $"No quarterly verification policy is in force on {today:yyyy-MM-dd}: " +
                    string.Join("; ", versions.Select(v => $"version {v.Definition.Version} ran from {v.Definition.ValidFrom:yyyy-MM-dd} to {v.Definition.ValidUntil:yyyy-MM-dd}")) +
                    ". A renewed policy is a new version of the workflow.",
                    detailZh: $"季度核查政策已不在有效期内：{today:yyyy-MM-dd} 没有施行中的季度核查政策；" +
                    string.Join("；", versions.Select(v => $"第 {v.Definition.Version} 版的施行期间为 {v.Definition.ValidFrom:yyyy-MM-dd} 至 {v.Definition.ValidUntil:yyyy-MM-dd}")) +
                    "。延续施行的政策应作为该流程的新版本发布。")
                : [];
        }

        var (quarter, _) = QuarterOf(today);
        var from = WindowOf(today, 1).From;
        var province = policy.Definition.Province;
        var prefix = province[..2];
        // The longest window a province may set (VerificationWindowQuarters is at most 8); each right's own is below.
        var latest = from.AddMonths(3 * 8);
        var candidates = await db.Rights.AsNoTracking()
            .Where(r => (r.Status == RightStatus.Active || r.Status == RightStatus.Suspended) && r.ExpiresOn >= from && r.ExpiresOn < latest)
            .Where(r => province == Ministry || r.LocationCountyCode.StartsWith(prefix))
            .Select(r => new { r.Id, r.LicenseNumber, r.ProjectName, r.HolderId, r.LocationCountyCode, r.AuthorityCode, r.ExpiresOn })
            .ToListAsync(ct);
        var due = candidates
            .Select(r => new { Right = r, Owner = r.AuthorityCode == Ministry ? r.LocationCountyCode[..2] + "0000" : r.AuthorityCode })
            .Where(r => owners is null || owners.Contains(r.Owner))
            .Where(r => r.Right.ExpiresOn <= WindowTo(today, r.Right.LocationCountyCode))
            .GroupBy(r => r.Owner)
            .ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var ownerCodes = due.Select(g => g.Key).ToList();
        var batches = await db.VerificationBatches.Where(b => b.Quarter == quarter && ownerCodes.Contains(b.AuthorityCode)).ToDictionaryAsync(b => b.AuthorityCode, ct);
        var batchIds = batches.Values.Select(b => b.Id).ToList();
        var tasked = (await db.VerificationTasks.AsNoTracking().Where(t => batchIds.Contains(t.BatchId)).Select(t => t.RightId).ToListAsync(ct)).ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        var outcomes = new List<Outcome>();
        foreach (var group in due.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var created = false;
            if (!batches.TryGetValue(group.Key, out var batch))
            {
                batch = new VerificationBatch
                {
                    AuthorityCode = group.Key,
                    Quarter = quarter,
                    WindowFrom = from,
                    WindowTo = WindowTo(today, group.First().Right.LocationCountyCode),
                    CreatedAtUtc = now,
                };
                db.VerificationBatches.Add(batch);
                runtime.Subjects.Remember(BatchSubjectKind.Describe(batch));
                await runtime.StartAsync(policy, new SubjectRef(BatchSubjectKind.Kind, batch.Id), actor,
                    new Dictionary<string, DateOnly> { ["openedOn"] = today }, new Dictionary<string, string> { ["quarter"] = quarter }, ct);
                created = true;
            }

            var added = 0;
            var taskDefinition = registry.ForChild(TaskWorkflow, today);
            foreach (var item in group.Where(g => !tasked.Contains(g.Right.Id)).OrderBy(g => g.Right.LicenseNumber, StringComparer.Ordinal))
            {
                var task = new VerificationTask
                {
                    BatchId = batch.Id,
                    RightId = item.Right.Id,
                    CountyCode = item.Right.LocationCountyCode,
                    ReportsTo = group.Key,
                    ExpiresOn = item.Right.ExpiresOn,
                    CreatedAtUtc = now,
                };
                db.VerificationTasks.Add(task);
                runtime.Subjects.Remember(TaskSubjectKind.Describe(task, item.Right.LicenseNumber, item.Right.ProjectName, item.Right.HolderId));
                await runtime.StartAsync(taskDefinition, new SubjectRef(TaskSubjectKind.Kind, task.Id), actor,
                    new Dictionary<string, DateOnly> { ["assignedOn"] = today, ["expiresOn"] = item.Right.ExpiresOn },
                    new Dictionary<string, string> { ["quarter"] = quarter, ["batchId"] = batch.Id.ToString(), ["reportsTo"] = group.Key }, ct);
                added++;
            }

            if (created || added > 0)
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    AtUtc = now,
                    Actor = actor.Name,
                    Action = "verification.batched",
                    RuleId = "GS-9b",
                    Detail = $"Verification batch {quarter} of {group.Key} ({batch.WindowFrom:yyyy-MM-dd}–{batch.WindowTo:yyyy-MM-dd}): {(created ? "opened" : "completed")} with {added} right(s). 临期矿业权分批核查。",
                });
            }

            outcomes.Add(new Outcome(batch, added, created));
        }

        await db.SaveChangesAsync(ct);
        return outcomes;
    }

    /// <summary>The quarter of <paramref name="day"/> as <c>2026-Q1</c>, and its first day.</summary>
    public static (string Label, DateOnly Start) QuarterOf(DateOnly day)
    {
        var index = (day.Month - 1) / 3;
        return (string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{index + 1}"), new DateOnly(day.Year, index * 3 + 1, 1));
    }

    /// <summary>
    /// The expiries a batch run on <paramref name="day"/> gathers: the <paramref name="quarters"/> quarters after the
    /// day's own (GS-9b: rights nearing expiry are verified ahead of it, not in the quarter they expire).
    /// </summary>
    public static (DateOnly From, DateOnly To) WindowOf(DateOnly day, int quarters)
    {
        var from = QuarterOf(day).Start.AddMonths(3);
        return (from, from.AddMonths(3 * quarters).AddDays(-1));
    }

    private DateOnly WindowTo(DateOnly today, string county) =>
        WindowOf(today, policies.Parameters(county, today).VerificationWindowQuarters
            ?? throw RefusalException.ByRule("GS-9b", $"No rule in force in {county} on {today:yyyy-MM-dd} sets the verification window.",
                detailZh: $"{today:yyyy-MM-dd} {county} 没有施行规定核查期间的规则。")).To;
}
