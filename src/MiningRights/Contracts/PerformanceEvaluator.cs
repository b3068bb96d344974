using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Policies;
using MiningRights.Rights;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// The daily evaluation of contract performance (GS-10b): every exploration duty past its date is judged on accepted
/// reports only (an empty field is not a zero, nor a report not yet decided a breach): work not started within six
/// months, or no accepted record of work within six months of the last one (CN-START), geological data or the results
/// report not in by the date (CN-GEODATA, GS-10a), a mining milestone missed (GS-10c, GS-11), investment accepted for
/// the contract years so far below their minimums, excess carried forward (CN-INVEST, with the shortfall), and enclosing
/// without exploring (圈而不探, where a rule in force when the contract arose makes it a breach): <c>EnclosingYears</c>
/// consecutive contract years whose reports were accepted and show neither work nor investment. A year not reported, not
/// decided or rejected is never such a year: it ends the run, and the missing report is a breach of its own. A breach is
/// the duty's <c>breach</c> signal, sent by the service: the duty's
/// workflow opens the case through the case workflow, with the duty's journal and the right's history. A duty breached
/// once is not breached again, so running twice, or on two nodes at once, changes nothing the second time.
/// </summary>
public sealed class PerformanceEvaluator(IServiceScopeFactory scopes, TimeProvider time, PolicyBook policies, ILogger<PerformanceEvaluator> logger)
{
    public const string BreachSignal = "breach";
    public const string BreachedState = "breached";

    /// <summary>The deadline every duty workflow names its due date by.</summary>
    public const string DueDeadline = "due";

    public const string Open = "open";
    public const string Overdue = "overdue";

    /// <summary>A report rejected: the duty is to be done again, as if never reported.</summary>
    private const string Returned = "returned";
    private const string Accepted = "accepted";
    private const string ClaimPending = "claimed";

    /// <summary>
    /// A mining right's milestones (GS-10c, GS-11), which a justified reason may excuse: those its contract dates and the
    /// construction and green-mine duties a provisional licence's approval starts (GS-9e), judged alike.
    /// </summary>
    public static readonly string[] MiningMilestones = [ContractDuties.MineMilestoneWorkflow, ContractDuties.ConstructionObligationWorkflow];

    private static readonly string[] DatedDuties =
        [ContractDuties.WorkStartWorkflow, ContractDuties.WorkContinuityWorkflow, ContractDuties.GeologicalDataWorkflow, ContractDuties.ResultsReportWorkflow, .. MiningMilestones];

    /// <summary>Every duty the evaluation judges, and a relief claim may name.</summary>
    public static readonly string[] AllDuties = [.. DatedDuties, ContractDuties.InvestmentWorkflow];
    /// <summary>
    /// Rights whose running duties are judged: those in force, and withdrawn ones, whose other processes ended with the
    /// withdrawal, so a duty still running on one was started by it (the geological data due within 15 days, CN-GEODATA).
    /// </summary>
    private static readonly RightStatus[] Judged = [RightStatus.Active, RightStatus.Provisional, RightStatus.Withdrawn];

    /// <summary>Judges every duty and sends the breaches found; returns how many were sent now.</summary>
    public async Task<int> EvaluateAsync(CancellationToken ct)
    {
        var today = ProvinceCalendar.China.DateAt(time.GetUtcNow());
        List<Duty> duties;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            // Only rights in force owe their duties: a right lapsed, expired or suspended is judged no further, a withdrawn one
            // only on what its withdrawal started.
            duties = (await db.WorkflowInstances.AsNoTracking()
                    .Where(i => AllDuties.Contains(i.DefinitionId) && !i.Finished && i.RightId != null)
                    .Join(db.Rights.Where(r => Judged.Contains(r.Status)), i => i.RightId, r => r.Id, (i, r) => i)
                    .Select(i => new { i.Id, i.RightId, i.DefinitionId, i.State, i.DatesJson, i.DataJson, i.JurisdictionCode, i.ArisenOn, i.CreatedAtUtc })
                    .ToListAsync(ct))
                .Select(i => new Duty(i.Id, i.RightId!.Value, i.DefinitionId, i.State, i.JurisdictionCode,
                    i.ArisenOn ?? ProvinceCalendar.China.DateAt(new DateTimeOffset(i.CreatedAtUtc, TimeSpan.Zero)),
                    JsonSerializer.Deserialize<Dictionary<string, string>>(i.DatesJson) ?? [],
                    JsonSerializer.Deserialize<Dictionary<string, string>>(i.DataJson) ?? []))
                .ToList();
        }

        // A duty named in a relief claim the authority has not decided is not judged until it is decided.
        var pending = await PendingReliefAsync(scopes, ct);
        duties.RemoveAll(d => pending.Contains(d.Id));

        var acceptedThenBreached = await AcceptedThenBreachedAsync(scopes, duties, ct);
        var findings = DatedFindings(duties, today).Concat(InvestmentFindings(duties, acceptedThenBreached, today)).ToList();
        var sent = 0;
        foreach (var finding in findings)
        {
            sent += await BreachAsync(finding, ct) ? 1 : 0;
        }

        if (findings.Count > 0)
        {
            logger.LogInformation("Performance evaluation: {Found} breaches found, {Sent} sent now", findings.Count, sent);
        }

        return sent;
    }

    private static IEnumerable<Finding> DatedFindings(IEnumerable<Duty> duties, DateOnly today) =>
        duties.Where(d => DatedDuties.Contains(d.Workflow) && d.State is Open or Returned or Overdue && d.DueOn < today)
            .Select(d => new Finding(d.Id,
                $"{d.Get("obligationZh")}：截止{d.DueOn:yyyy-MM-dd}未履行{(d.Get("clause") is { Length: > 0 } c ? $"（{c}）" : string.Empty)}",
                $"{d.Get("obligationEn")}: not done by {d.DueOn:yyyy-MM-dd}{(d.Get("clause") is { Length: > 0 } clause ? $" ({clause})" : string.Empty)}"));

    private IEnumerable<Finding> InvestmentFindings(IEnumerable<Duty> duties, HashSet<Guid> acceptedThenBreached, DateOnly today)
    {
        foreach (var right in duties.Where(d => d.Workflow == ContractDuties.InvestmentWorkflow && d.DueOn < today).GroupBy(d => d.RightId))
        {
            var years = right.OrderBy(d => d.Number("contractYear")).ToList();
            // Enclosing without exploring is a breach only where a rule in force when the contract arose makes it one (GS-10b).
            var enclosing = policies.Parameters(years[0].Jurisdiction, years[0].ArisenOn).EnclosingYears ?? int.MaxValue;
            decimal owed = 0, accepted = 0;
            var emptyYears = 0;
            foreach (var year in years)
            {
                // The year's report as the authority accepted it: accepted now, or accepted and since found short (a
                // breach keeps the values the authority accepted).
                var counted = year.State == Accepted || (year.State == BreachedState && acceptedThenBreached.Contains(year.Id));
                owed += year.Number("minimumYuan");
                accepted += counted ? year.Number("amountYuan") : 0;
                var worked = year.Number("amountYuan") > 0 || !string.IsNullOrWhiteSpace(year.Get("workDone"));

                // 圈而不探 is decided on accepted reports only (the policy brief, §8: an empty field imported reads as 0).
                // A year whose report is missing, pending or rejected is no empty year: it ends the run, and its missing
                // report is a breach of its own (overdue, then the shortfall below).
                emptyYears = counted && !worked ? emptyYears + 1 : 0;

                // A report not decided yet is neither work nor its absence; a duty breached once stays with its case.
                if (year.State is not (Open or Returned or Overdue or Accepted))
                {
                    continue;
                }

                if (emptyYears >= enclosing)
                {
                    yield return new Finding(year.Id,
                        $"圈而不探：连续{emptyYears}个合同年度经接受的报告显示无勘查工作且勘查投入为零（截至第{year.Number("contractYear")}合同年度）",
                        $"Enclosing without exploring: {emptyYears} consecutive contract years whose accepted reports show no exploration work and no investment (to contract year {year.Number("contractYear")})");
                }
                else if (accepted < owed)
                {
                    var shortfall = owed - accepted;
                    yield return new Finding(year.Id,
                        $"勘查投入不足：截至第{year.Number("contractYear")}合同年度累计最低投入{Yuan.Zh(owed)}，经接受的投入{Yuan.Zh(accepted)}，差额{Yuan.Zh(shortfall)}",
                        $"Investment below the minimum: {Yuan.En(owed)} due by contract year {year.Number("contractYear")}, {Yuan.En(accepted)} accepted, shortfall {Yuan.En(shortfall)}");
                }
            }
        }
    }

    /// <summary>Sends one breach in a unit of work of its own; false when the duty moved on meanwhile (another run, a report).</summary>
    private async Task<bool> BreachAsync(Finding finding, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        try
        {
            var instance = await db.WorkflowInstances.FindAsync([finding.InstanceId], ct);
            if (instance is null || instance.Finished)
            {
                return false;
            }

            await runtime.SignalAsync(instance, BreachSignal, Actor.System("performance evaluation"), finding.En, ct,
                new Dictionary<string, string?> { ["breachZh"] = finding.Zh, ["breachEn"] = finding.En });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (RefusalException refusal) when (refusal.Status == 409)
        {
            // Not a state that can be breached any more: reported, breached by another run, or accepted meanwhile.
            return false;
        }
        catch (DbUpdateException ex)
        {
            logger.LogDebug(ex, "Breach of duty {InstanceId} not saved: another run got there first", finding.InstanceId);
            return false;
        }
    }

    /// <summary>
    /// The due date of a duty from its instance dates: the date its <c>due</c> deadline last fell on, or the extension
    /// granted since (force majeure, a justified reason), whichever is later; the start date if neither is recorded.
    /// </summary>
    public static DateOnly DueOf(IReadOnlyDictionary<string, string> dates)
    {
        DateOnly? Read(string name) => dates.TryGetValue(name, out var text) ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var due = Read(DueDeadline) ?? Read("dueOn") ?? throw new InvalidOperationException("A duty without a due date.");
        return Read(WorkflowRuntime.ExtendedPrefix + DueDeadline) is { } extended && extended > due ? extended : due;
    }

    /// <summary>The duties named in relief claims not decided yet, on one right or on all.</summary>
    public static async Task<HashSet<Guid>> PendingReliefAsync(MiningRightsDbContext db, Guid? rightId, CancellationToken ct)
    {
        var claims = db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == ClaimRelief.Workflow && i.State == ClaimPending);
        if (rightId is { } id)
        {
            claims = claims.Where(i => i.RightId == id);
        }

        var named = new HashSet<Guid>();
        foreach (var json in await claims.Select(i => i.DataJson).ToListAsync(ct))
        {
            var data = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
            foreach (var duty in (data.GetValueOrDefault(ExcuseDutiesActivity.DutiesValue) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                named.Add(Guid.Parse(duty));
            }
        }

        return named;
    }

    /// <summary>The investment years breached after their report was accepted: the last step into <c>breached</c> came from <c>accepted</c>.</summary>
    private static async Task<HashSet<Guid>> AcceptedThenBreachedAsync(IServiceScopeFactory scopes, IEnumerable<Duty> duties, CancellationToken ct)
    {
        var breached = duties.Where(d => d.Workflow == ContractDuties.InvestmentWorkflow && d.State == BreachedState).Select(d => d.Id).ToList();
        if (breached.Count == 0)
        {
            return [];
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var steps = await db.Journal.AsNoTracking()
            .Where(j => breached.Contains(j.InstanceId) && j.ToState == BreachedState)
            .Select(j => new { j.InstanceId, j.Sequence, j.FromState })
            .ToListAsync(ct);
        return steps.GroupBy(j => j.InstanceId)
            .Where(g => g.MaxBy(j => j.Sequence)!.FromState == Accepted)
            .Select(g => g.Key)
            .ToHashSet();
    }

    private static async Task<HashSet<Guid>> PendingReliefAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        return await PendingReliefAsync(scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>(), null, ct);
    }

    private sealed record Finding(Guid InstanceId, string Zh, string En);

    private sealed record Duty(Guid Id, Guid RightId, string Workflow, string State, string Jurisdiction, DateOnly ArisenOn, Dictionary<string, string> Dates, Dictionary<string, string> Data)
    {
        public DateOnly DueOn => DueOf(Dates);

        public string Get(string name) => Data.GetValueOrDefault(name) ?? string.Empty;

        public decimal Number(string name) =>
            decimal.TryParse(Data.GetValueOrDefault(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m;
    }
}
