using System.Globalization;
using System.Text.Json;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Workflows.Activities;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// The monitored duties of an exploration right registered under a transfer contract (GS-10a), each a workflow of its
/// own on the right with its due date, reminders, reports and acceptance: exploration work started within six months
/// (CN-START); the minimum investment of each contract year, from the contract's investment clause or, where it fixes
/// none, the national minimum per km² (CN-INVEST: 2,000, 5,000, then 10,000 yuan); geological data by the clause's date
/// or 30 days before expiry (CN-GEODATA); the results report and progress milestones the contract dates. A mining
/// right's duties are the milestones its contract dates: mine construction (GS-10c), green mine (GS-11) and deep
/// processing (精深加工, GS-10c, with its measure in the clause), and its geological data 90 days before expiry.
/// Each duty carries a <c>duty</c> key (its clause kind), so a process that would start the same duty on the right
/// (the provisional licence's construction duties, GS-9e) leaves it to the contract, and a contract entered later for
/// a right whose process already monitors a duty leaves that duty where it is.
/// </summary>
public sealed class ContractDuties(MiningRightsDbContext db, WorkflowRegistry registry, WorkflowRuntime runtime, Policies.PolicyBook policies)
{
    public const string WorkStartWorkflow = "exploration-work-start";

    /// <summary>The next record of exploration work, due six months after the last accepted one (CN-START), chained from the work start.</summary>
    public const string WorkContinuityWorkflow = "exploration-work";
    public const string InvestmentWorkflow = "exploration-investment";
    public const string GeologicalDataWorkflow = "geological-data";
    public const string ResultsReportWorkflow = "results-report";
    public const string MineMilestoneWorkflow = "mine-milestone";

    /// <summary>The construction and green-mine duties a provisional licence's approval starts (GS-9e, from its workflow's JSON).</summary>
    public const string ConstructionObligationWorkflow = "mine-construction-obligation";

    /// <summary>The date every duty is started with: its due date.</summary>
    public const string DueOnDate = "dueOn";

    /// <summary>Every duty's workflow: the contract starts them, the evaluator judges them, a relief claim excuses them.</summary>
    public static readonly IReadOnlyList<string> DutyWorkflows =
    [
        WorkStartWorkflow, WorkContinuityWorkflow, InvestmentWorkflow, GeologicalDataWorkflow, ResultsReportWorkflow,
        MineMilestoneWorkflow, ConstructionObligationWorkflow,
    ];

    /// <summary>
    /// Starts the duties of <paramref name="right"/> in the caller's unit of work, and answers what it did not start, in
    /// words: a duty another process on the right monitors already, and, for a contract entered after the right was
    /// registered, a duty that fell due before <paramref name="dueFrom"/> (what happened before the service is not judged
    /// by it).
    /// </summary>
    public async Task<IReadOnlyList<string>> StartAsync(MiningRight right, TransferContract contract, IReadOnlyList<ContractClause> clauses, Actor actor, CancellationToken ct,
        DateOnly? dueFrom = null)
    {
        var scope = new Scope(right, actor, dueFrom, await StartObligationsActivity.MonitoredDutiesAsync(db, new SubjectRef(RightSubjectKind.Kind, right.Id), ct), [], contract.SignedOn);
        if (right.Kind == RightKind.Mining)
        {
            await StartMiningAsync(scope, clauses, policies.Parameters(right.LocationCountyCode, contract.SignedOn), ct);
            return scope.Skipped;
        }

        // The national numbers (CN-START's months, CN-INVEST's yuan per km², CN-GEODATA's days) as in force on the contract's day.
        var law = policies.Parameters(right.LocationCountyCode, contract.SignedOn);
        decimal[] minimumPerKm2 = [law.Decimal("InvestmentFirstYearYuanPerKm2"), law.Decimal("InvestmentSecondYearYuanPerKm2"), law.Decimal("InvestmentLaterYearsYuanPerKm2")];
        var issued = right.IssuedOn;
        await StartAsync(WorkStartWorkflow, scope, issued.AddMonths(law.Int("WorkStartMonths")), "开始勘查施工", "Start exploration work", "CN-START", null, ct);

        var investment = clauses.FirstOrDefault(c => c.Kind == ClauseKind.Investment && c.AmountYuan is not null);
        // One duty per contract year that begins before the licence expires (counted in calendar years, so leap days do
        // not add a year to a five-year licence).
        for (var year = 1; year == 1 || issued.AddYears(year - 1) < right.ExpiresOn; year++)
        {
            var minimum = investment?.AmountYuan ?? Yuan.Round(minimumPerKm2[Math.Min(year, minimumPerKm2.Length) - 1] * right.AreaKm2);
            await StartAsync(InvestmentWorkflow, scope, issued.AddYears(year).AddDays(-1),
                $"第{year}合同年度勘查投入不低于{Yuan.Zh(minimum)}", $"Exploration investment of at least {Yuan.En(minimum)} in contract year {year}",
                investment?.Number ?? "CN-INVEST", new Dictionary<string, string>
                {
                    ["contractYear"] = year.ToString(CultureInfo.InvariantCulture),
                    ["minimumYuan"] = minimum.ToString(CultureInfo.InvariantCulture),
                }, ct);
        }

        var data = clauses.FirstOrDefault(c => c.Kind == ClauseKind.GeologicalData && c.DueOn is not null);
        await StartAsync(GeologicalDataWorkflow, scope, data?.DueOn ?? right.ExpiresOn.AddDays(-GeologicalDataDaysBeforeExpiry(law, RightKind.Exploration)), "汇交地质资料", "Submit the geological data",
            data is null ? "CN-GEODATA" : data.Number, null, ct);

        foreach (var clause in clauses.Where(c => c.Kind is ClauseKind.ResultsReport or ClauseKind.Progress && c.DueOn is not null))
        {
            await StartAsync(ResultsReportWorkflow, scope, clause.DueOn!.Value, $"{clause.TextZh}（合同{clause.Number}）", $"{clause.TextEn} (clause {clause.Number})",
                clause.Number, null, ct);
        }

        return scope.Skipped;
    }

    private async Task StartMiningAsync(Scope scope, IReadOnlyList<ContractClause> clauses, Policies.ProvinceParameters law, CancellationToken ct)
    {
        var right = scope.Right;
        foreach (var clause in clauses.Where(c => c.Kind is ClauseKind.Construction or ClauseKind.GreenMine or ClauseKind.DeepProcessing && c.DueOn is not null))
        {
            await StartAsync(MineMilestoneWorkflow, scope, clause.DueOn!.Value, $"{clause.TextZh}（合同{clause.Number}）", $"{clause.TextEn} (clause {clause.Number})",
                clause.Number, new Dictionary<string, string>
                {
                    [StartObligationsActivity.DutyValue] = DutyKey(clause.Kind),
                    ["ruleId"] = clause.Kind == ClauseKind.GreenMine ? "greenMine" : "miningBreach",
                }, ct);
        }

        var data = clauses.FirstOrDefault(c => c.Kind == ClauseKind.GeologicalData && c.DueOn is not null);
        await StartAsync(GeologicalDataWorkflow, scope, data?.DueOn ?? right.ExpiresOn.AddDays(-GeologicalDataDaysBeforeExpiry(law, RightKind.Mining)), "汇交地质资料", "Submit the geological data",
            data is null ? "CN-GEODATA" : data.Number, null, ct);
    }

    /// <summary>CN-GEODATA: days before expiry the geological data is due where the contract fixes no date (parameters of the national rulebook).</summary>
    public static int GeologicalDataDaysBeforeExpiry(Policies.ProvinceParameters law, RightKind kind) =>
        law.Int(kind == RightKind.Mining ? "GeodataMiningDaysBeforeExpiry" : "GeodataExplorationDaysBeforeExpiry");

    /// <summary>The key a duty of this clause kind is known by on the right: construction, greenMine, deepProcessing.</summary>
    public static string DutyKey(ClauseKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private async Task StartAsync(string workflow, Scope scope, DateOnly due, string zh, string en, string clause,
        IReadOnlyDictionary<string, string>? more, CancellationToken ct)
    {
        var right = scope.Right;
        if (scope.DueFrom is { } from && due < from)
        {
            scope.Skipped.Add($"{en}, due {due:yyyy-MM-dd}: before the contract was entered on {from:yyyy-MM-dd}");
            return;
        }

        // Only what ran before this start: a contract may have several clauses of one kind (construction start and completion).
        if (more?.GetValueOrDefault(StartObligationsActivity.DutyValue) is { } duty && scope.Monitored.Contains(duty))
        {
            scope.Skipped.Add($"{en}, due {due:yyyy-MM-dd}: the right's {duty} duty is monitored already");
            return;
        }

        var data = new Dictionary<string, string>(more ?? new Dictionary<string, string>())
        {
            ["obligationZh"] = zh,
            ["obligationEn"] = en,
            ["clause"] = clause,
        };
        await runtime.StartAsync(registry.ForChild(workflow, right.RegisteredOn), new SubjectRef(RightSubjectKind.Kind, right.Id), scope.Actor,
            new Dictionary<string, DateOnly> { [DueOnDate] = due }, data, ct, scope.SignedOn);
    }

    /// <summary>One start of a right's duties: from which due date, the duties other processes monitor already, and what was left out.</summary>
    private sealed record Scope(MiningRight Right, Actor Actor, DateOnly? DueFrom, HashSet<string> Monitored, List<string> Skipped, DateOnly SignedOn);
}
