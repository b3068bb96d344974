using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Composition;
using MiningRights.Contracts;
using MiningRights.Renewals;
using MiningRights.Workflows;

namespace MiningRights.Tests.Workflows;

/// <summary>What features declare they rely on in the definitions is checked when the registry is built.</summary>
public sealed class WorkflowContractTests
{
    private readonly WorkflowDefinitionLoader _loader = WorkflowFiles.Loader();

    [Fact]
    public void Every_feature_declares_what_it_relies_on_and_the_repository_definitions_honour_it()
    {
        var contracts = Declared();
        var registry = new WorkflowRegistry(_loader.LoadDirectory(WorkflowFiles.Folder), _loader);

        Assert.Same(registry, registry.Honouring(contracts));
        Assert.Contains(contracts, c => c.Workflow == RenewalTracking.Workflow && c.States.Contains(RenewalTracking.GrantedState));
        Assert.All(ContractDuties.DutyWorkflows, duty => Assert.Contains(contracts, c => c.Workflow == duty && c.Signals.Contains(PerformanceEvaluator.BreachSignal)));
        Assert.Contains(contracts, c => c.Workflow == ContractDuties.InvestmentWorkflow && c.States.Contains(PerformanceEvaluator.Accepted));
        Assert.All(Plans.PlansServiceCollectionExtensions.PlanWorkflows, plan => Assert.Contains(contracts, c => c.Workflow == plan && c.Signals.Contains(Plans.SubmitPlan.Signal)));
    }

    [Fact]
    public void A_renewal_whose_granted_state_is_renamed_stops_the_start_naming_the_file_the_feature_and_the_state()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowFiles.Folder, "renewal.json")))!.AsObject();
        var text = json.ToJsonString().Replace("\"granted\"", "\"approved\"", StringComparison.Ordinal);
        var problems = new List<DefinitionProblem>();
        var renamed = _loader.Load("renewal.json", text, problems);
        Assert.Empty(problems);
        Assert.NotNull(renamed);

        var error = Assert.Throws<WorkflowDefinitionException>(() => new WorkflowRegistry([renamed], _loader).Honouring(Declared()));

        var problem = Assert.Single(error.Problems, p => p.File == "renewal.json");
        Assert.Equal("$.states", problem.JsonPath);
        Assert.Contains("Renewals needs the state 'granted'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_a_feature_needs_that_is_missing_is_named()
    {
        var contract = new WorkflowContract("Renewals", RenewalTracking.Workflow);

        var problem = Assert.Single(contract.Check([]));

        Assert.Equal("renewal.json", problem.File);
        Assert.Contains("needs a workflow 'renewal'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duty_run_on_the_wrong_subject_without_its_deadline_or_date_is_refused_for_each()
    {
        var duty = Assert.Single(_loader.LoadDirectory(WorkflowFiles.Folder), d => d.Definition.Id == ContractDuties.InvestmentWorkflow);
        var contract = new WorkflowContract("Contracts", ContractDuties.InvestmentWorkflow)
        {
            Subject = "block",
            Signals = ["pardon"],
            Deadlines = ["grace"],
            Dates = ["signedOn"],
        };

        var reasons = contract.Check([duty]).Select(p => $"{p.JsonPath} {p.Reason}").ToList();

        Assert.Equal(4, reasons.Count);
        Assert.Contains("$.subject Contracts needs it to run on a 'block', not a 'right'", reasons);
        Assert.Contains("$.signals Contracts needs the signal 'pardon'", reasons);
        Assert.Contains("$.deadlines Contracts needs the deadline 'grace'", reasons);
        Assert.Contains(reasons, r => r.StartsWith("$.startDates Contracts needs the date 'signedOn'", StringComparison.Ordinal));
    }

    private static List<WorkflowContract> Declared()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddMiningRights();
        return services.BuildServiceProvider().GetServices<WorkflowContract>().ToList();
    }
}
