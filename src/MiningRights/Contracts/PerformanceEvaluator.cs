using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiningRights.Accounts;
using MiningRights.Data;
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
/// <para>
/// What is judged comes from the runtime: the duties whose <c>due</c> deadline has passed (<see cref="PassedDeadlines"/>,
/// read by an indexed due date, so the run reads what has fallen due and not every running duty), their due dates with
/// extensions (<see cref="InstanceValues.DueOn"/>), and whether a duty can be breached in its state now, which is whether
/// its definition offers the <c>breach</c> signal there. The states this class names (<c>accepted</c>, <c>breached</c>)
/// are declared in the duties' workflow contract, so a definition without them does not load.
/// </para>
/// </summary>
public sealed class PerformanceEvaluator(IServiceScopeFactory scopes, TimeProvider time, PolicyBook policies, ILogger<PerformanceEvaluator> logger)
{
    public const string BreachSignal = "breach";
    public const string BreachedState = "breached";

    /// <summary>The deadline every duty workflow names its due date by.</summary>
    public const string DueDeadline = "due";

    /// <summary>A report the authority accepted: an investment year counts what it states.</summary>
    public const string Accepted = "accepted";
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

    /// <summary>Judges every duty whose date has passed and sends the breaches found; returns how many were sent now.</summary>
    public async Task<int> EvaluateAsync(CancellationToken ct)
    {
        var today = ProvinceCalendar.China.DateAt(time.GetUtcNow());
        List<Duty> duties;
        HashSet<Guid> acceptedThenBreached;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var registry = scope.ServiceProvider.GetRequiredService<WorkflowRegistry>();
            // Only rights in force owe their duties: a right lapsed, expired or suspended is judged no further, a withdrawn one
            // only on what its withdrawal started. A duty's subject is its right.
            var passed = await db.InstancesPast(DueDeadline, today, AllDuties)
                .Where(i => db.Set<MiningRight>().Any(r => r.Id == i.SubjectId && Judged.Contains(r.Status)))
                .AsNoTracking()
                .ToListAsync(ct);
            duties = [];
            foreach (var instance in passed)
            {
                var definition = (await registry.ResolveAsync(instance, db, ct)).Definition;
                var values = new InstanceValues(instance);
                var dueOn = DueOf(values);
                if (dueOn < today)
                {
                    duties.Add(new Duty(instance.Id, instance.SubjectId, instance.DefinitionId, instance.State, definition.Offers(instance.State, BreachSignal),
                        instance.JurisdictionCode, instance.ArisenOn ?? ProvinceCalendar.China.DateAt(new DateTimeOffset(instance.CreatedAtUtc, TimeSpan.Zero)), dueOn, values));
                }
            }

            // A duty named in a relief claim the authority has not decided is not judged until it is decided.
            var pending = await PendingReliefAsync(db, null, ct);
            duties.RemoveAll(d => pending.Contains(d.Id));
            acceptedThenBreached = await AcceptedThenBreachedAsync(db, duties, ct);
        }

        var findings = DatedFindings(duties).Concat(InvestmentFindings(duties, acceptedThenBreached)).ToList();
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

    private static IEnumerable<Finding> DatedFindings(IEnumerable<Duty> duties) =>
        duties.Where(d => DatedDuties.Contains(d.Workflow) && d.Breachable)
            .Select(d => new Finding(d.Id,
                $"{d.Get("obligationZh")}：截止{d.DueOn:yyyy-MM-dd}未履行{(d.Get("clause") is { Length: > 0 } c ? $"（{c}）" : string.Empty)}",
                $"{d.Get("obligationEn")}: not done by {d.DueOn:yyyy-MM-dd}{(d.Get("clause") is { Length: > 0 } clause ? $" ({clause})" : string.Empty)}"));

    private IEnumerable<Finding> InvestmentFindings(IEnumerable<Duty> duties, HashSet<Guid> acceptedThenBreached)
    {
        foreach (var right in duties.Where(d => d.Workflow == ContractDuties.InvestmentWorkflow).GroupBy(d => d.RightId))
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

                // A report not decided yet is neither work nor its absence; a duty breached once stays with its case: the
                // definition offers no breach in either state.
                if (!year.Breachable)
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

    /// <summary>The due date of a duty: its <c>due</c> deadline's day with any extension, or the day it was started with.</summary>
    public static DateOnly DueOf(InstanceValues values) =>
        values.DueOn(DueDeadline) ?? values.Date(ContractDuties.DueOnDate) ?? throw new InvalidOperationException("A duty without a due date.");

    /// <summary>The duties named in relief claims not decided yet, on one right or on all.</summary>
    public static async Task<HashSet<Guid>> PendingReliefAsync(MiningRightsDbContext db, Guid? rightId, CancellationToken ct)
    {
        var claims = db.WorkflowInstances.AsNoTracking().Where(i => i.DefinitionId == ClaimRelief.Workflow && i.State == ClaimPending);
        if (rightId is { } id)
        {
            claims = claims.Where(i => i.SubjectId == id);
        }

        var named = new HashSet<Guid>();
        foreach (var claim in await claims.ToListAsync(ct))
        {
            foreach (var duty in (new InstanceValues(claim).Get(ExcuseDutiesActivity.DutiesValue) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                named.Add(Guid.Parse(duty));
            }
        }

        return named;
    }

    /// <summary>The investment years breached after their report was accepted: the last step into <c>breached</c> came from <c>accepted</c>.</summary>
    private static async Task<HashSet<Guid>> AcceptedThenBreachedAsync(MiningRightsDbContext db, IEnumerable<Duty> duties, CancellationToken ct)
    {
        var breached = duties.Where(d => d.Workflow == ContractDuties.InvestmentWorkflow && d.State == BreachedState).Select(d => d.Id).ToList();
        if (breached.Count == 0)
        {
            return [];
        }

        var steps = await db.Journal.AsNoTracking()
            .Where(j => breached.Contains(j.InstanceId) && j.ToState == BreachedState)
            .Select(j => new { j.InstanceId, j.Sequence, j.FromState })
            .ToListAsync(ct);
        return steps.GroupBy(j => j.InstanceId)
            .Where(g => g.MaxBy(j => j.Sequence)!.FromState == Accepted)
            .Select(g => g.Key)
            .ToHashSet();
    }

    private sealed record Finding(Guid InstanceId, string Zh, string En);

    /// <summary>A duty past its date, as the runtime has it: its state, whether a breach may be sent there, its day and values.</summary>
    private sealed record Duty(Guid Id, Guid RightId, string Workflow, string State, bool Breachable, string Jurisdiction, DateOnly ArisenOn, DateOnly DueOn, InstanceValues Values)
    {
        public string Get(string name) => Values.Get(name) ?? string.Empty;

        public decimal Number(string name) =>
            decimal.TryParse(Values.Get(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m;
    }
}
