using System.Globalization;
using System.Text.Json;
using MiningRights.Rights;
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
/// (the provisional licence's construction duties, GS-9e) leaves it to the contract.
/// </summary>
public sealed class ContractDuties(WorkflowRegistry registry, WorkflowRuntime runtime)
{
    public const string WorkStartWorkflow = "exploration-work-start";
    public const string InvestmentWorkflow = "exploration-investment";
    public const string GeologicalDataWorkflow = "geological-data";
    public const string ResultsReportWorkflow = "results-report";
    public const string MineMilestoneWorkflow = "mine-milestone";

    /// <summary>CN-GEODATA: days before expiry the geological data is due, for an exploration and a mining licence.</summary>
    private const int ExplorationDataDays = 30;
    private const int MiningDataDays = 90;

    /// <summary>CN-INVEST: yuan per km² in the first, the second, and every later licence year.</summary>
    private static readonly decimal[] MinimumPerKm2 = [2_000m, 5_000m, 10_000m];

    /// <summary>Starts the duties of <paramref name="right"/> (an exploration right) in the caller's unit of work.</summary>
    public async Task StartAsync(MiningRight right, TransferContract contract, IReadOnlyList<ContractClause> clauses, Actor actor, CancellationToken ct)
    {
        if (right.Kind == RightKind.Mining)
        {
            await StartMiningAsync(right, clauses, actor, ct);
            return;
        }

        var issued = right.IssuedOn;
        await StartAsync(WorkStartWorkflow, right, actor, issued.AddMonths(6), "开始勘查施工", "Start exploration work", "CN-START", null, ct);

        var investment = clauses.FirstOrDefault(c => c.Kind == ClauseKind.Investment && c.AmountYuan is not null);
        var years = Math.Max(1, ((right.ExpiresOn.DayNumber - issued.DayNumber) + 364) / 365);
        for (var year = 1; year <= years; year++)
        {
            var minimum = investment?.AmountYuan ?? Yuan.Round(MinimumPerKm2[Math.Min(year, MinimumPerKm2.Length) - 1] * right.AreaKm2);
            await StartAsync(InvestmentWorkflow, right, actor, issued.AddYears(year).AddDays(-1),
                $"第{year}合同年度勘查投入不低于{Yuan.Zh(minimum)}", $"Exploration investment of at least {Yuan.En(minimum)} in contract year {year}",
                investment?.Number ?? "CN-INVEST", new Dictionary<string, string>
                {
                    ["contractYear"] = year.ToString(CultureInfo.InvariantCulture),
                    ["minimumYuan"] = minimum.ToString(CultureInfo.InvariantCulture),
                }, ct);
        }

        var data = clauses.FirstOrDefault(c => c.Kind == ClauseKind.GeologicalData && c.DueOn is not null);
        await StartAsync(GeologicalDataWorkflow, right, actor, data?.DueOn ?? right.ExpiresOn.AddDays(-ExplorationDataDays), "汇交地质资料", "Submit the geological data",
            data is null ? "CN-GEODATA" : data.Number, null, ct);

        foreach (var clause in clauses.Where(c => c.Kind is ClauseKind.ResultsReport or ClauseKind.Progress && c.DueOn is not null))
        {
            await StartAsync(ResultsReportWorkflow, right, actor, clause.DueOn!.Value, $"{clause.TextZh}（合同{clause.Number}）", $"{clause.TextEn} (clause {clause.Number})",
                clause.Number, null, ct);
        }
    }

    private async Task StartMiningAsync(MiningRight right, IReadOnlyList<ContractClause> clauses, Actor actor, CancellationToken ct)
    {
        foreach (var clause in clauses.Where(c => c.Kind is ClauseKind.Construction or ClauseKind.GreenMine or ClauseKind.DeepProcessing && c.DueOn is not null))
        {
            await StartAsync(MineMilestoneWorkflow, right, actor, clause.DueOn!.Value, $"{clause.TextZh}（合同{clause.Number}）", $"{clause.TextEn} (clause {clause.Number})",
                clause.Number, new Dictionary<string, string>
                {
                    [Workflows.Activities.StartObligationsActivity.DutyValue] = DutyKey(clause.Kind),
                    ["ruleId"] = clause.Kind == ClauseKind.GreenMine ? "GS-11" : "GS-10c",
                }, ct);
        }

        var data = clauses.FirstOrDefault(c => c.Kind == ClauseKind.GeologicalData && c.DueOn is not null);
        await StartAsync(GeologicalDataWorkflow, right, actor, data?.DueOn ?? right.ExpiresOn.AddDays(-MiningDataDays), "汇交地质资料", "Submit the geological data",
            data is null ? "CN-GEODATA" : data.Number, null, ct);
    }

    /// <summary>The key a duty of this clause kind is known by on the right: construction, greenMine, deepProcessing.</summary>
    public static string DutyKey(ClauseKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private async Task StartAsync(string workflow, MiningRight right, Actor actor, DateOnly due, string zh, string en, string clause,
        IReadOnlyDictionary<string, string>? more, CancellationToken ct)
    {
        var data = new Dictionary<string, string>(more ?? new Dictionary<string, string>())
        {
            ["obligationZh"] = zh,
            ["obligationEn"] = en,
            ["clause"] = clause,
        };
        await runtime.StartAsync(registry.ForChild(workflow, right.RegisteredOn), new SubjectRef(RightSubjectKind.Kind, right.Id), actor,
            new Dictionary<string, DateOnly> { ["dueOn"] = due }, data, ct);
    }
}
