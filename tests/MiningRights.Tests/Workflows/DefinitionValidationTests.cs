using System.Text.Json.Nodes;
using MiningRights.Workflows;

namespace MiningRights.Tests.Workflows;

public sealed class DefinitionValidationTests
{
    private const string File = WorkflowFiles.PlanDeferralFile;

    private readonly WorkflowDefinitionLoader _loader = WorkflowFiles.Loader();

    [Fact]
    public void The_exploration_plan_deferral_file_loads_without_problems()
    {
        var problems = new List<DefinitionProblem>();

        var loaded = _loader.Load(File, WorkflowFiles.PlanDeferralJson(), problems);

        Assert.Empty(problems);
        Assert.NotNull(loaded);
        Assert.Equal(File, loaded.File);
        Assert.Equal("exploration-plan-deferral", loaded.Definition.Id);
        Assert.Equal(1, loaded.Definition.Version);
        Assert.Equal("awaitingPlan", loaded.Definition.InitialState);
        Assert.Equal(64, loaded.ContentHash.Length);
    }

    [Fact]
    public void The_workflows_folder_loads_every_definition_and_skips_the_schema()
    {
        var loaded = _loader.LoadDirectory(WorkflowFiles.Folder);

        Assert.Contains(loaded, l => l.File == File);
        Assert.DoesNotContain(loaded, l => l.File == "workflow.schema.json");
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        var json = WorkflowFiles.PlanDeferralJson().Replace("\"version\": 1,", "\"version\": 1,,", StringComparison.Ordinal);

        var problem = SingleProblem(json);

        Assert.Equal(File, problem.File);
        Assert.Equal("$", problem.JsonPath);
        Assert.Contains("line 4", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_is_refused()
    {
        var definition = WorkflowFiles.PlanDeferral();
        definition["states"]!["awaitingPlan"]!["colour"] = "red";

        var problem = SingleProblem(definition);

        Assert.Equal(File, problem.File);
        Assert.Equal("$.states.awaitingPlan.colour", problem.JsonPath);
        Assert.Contains("'colour' could not be mapped", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_is_named()
    {
        var definition = WorkflowFiles.PlanDeferral();
        definition.Remove("initialState");

        var problem = SingleProblem(definition);

        Assert.Equal(File, problem.File);
        Assert.Equal("$", problem.JsonPath);
        Assert.Contains("missing required properties", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("'initialState'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transition_to_an_unknown_state_is_refused()
    {
        var definition = WorkflowFiles.PlanDeferral();
        Transition(definition, 0)["to"] = "nowhere";

        var problem = SingleProblem(definition);

        Assert.Equal(File, problem.File);
        Assert.Equal("$.transitions[0].to", problem.JsonPath);
        Assert.Contains("unknown state 'nowhere'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_activity_on_entry_is_refused_with_the_known_ones()
    {
        var definition = WorkflowFiles.PlanDeferral();
        definition["states"]!["returned"]!["onEntry"]![0]!["activity"] = "sendFax";

        var problem = SingleProblem(definition);

        Assert.Equal(File, problem.File);
        Assert.Equal("$.states.returned.onEntry[0].activity", problem.JsonPath);
        Assert.Contains("unknown activity 'sendFax'", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("notify, openCase, publishAnnouncement, recordVerification, reissueLicense, renewTerm, returnBlockToPool, setCaseStatus, setRightStatus, startDuty, startObligations", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_no_transition_leads_to_is_unreachable()
    {
        var definition = WorkflowFiles.PlanDeferral();
        definition["states"]!["limbo"] = new JsonObject
        {
            ["status"] = new JsonObject { ["zh-CN"] = "悬而未决", ["en"] = "In limbo" },
        };

        var problem = SingleProblem(definition);

        Assert.Equal(File, problem.File);
        Assert.Equal("$.states.limbo", problem.JsonPath);
        Assert.Contains("cannot be reached from the initial state 'awaitingPlan'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_may_leave_a_final_state()
    {
        var definition = WorkflowFiles.PlanDeferral();
        var transitions = definition["transitions"]!.AsArray();
        transitions.Add(new JsonObject { ["from"] = "approved", ["signal"] = "return", ["to"] = "returned", ["rule"] = "planDeferral" });
        var index = transitions.Count - 1;

        var problem = SingleProblem(definition);

        Assert.Equal(File, problem.File);
        Assert.Equal($"$.transitions[{index}].from", problem.JsonPath);
        Assert.Contains("'approved' is a final state", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_with_a_deadline_needs_a_transition_on_its_expiry()
    {
        var definition = WorkflowFiles.PlanDeferral();
        var transitions = definition["transitions"]!.AsArray();
        var expiry = transitions.Single(t => (string?)t!["from"] == "awaitingPlan" && (string?)t["deadline"] == "planDue");
        transitions.Remove(expiry);

        var problem = SingleProblem(definition);

        Assert.Equal(File, problem.File);
        Assert.Equal("$.states.awaitingPlan.deadline", problem.JsonPath);
        Assert.Contains("no expiry target", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_that_runs_in_every_province_may_not_name_GS_10b_a_Gansu_rule_and_is_told_the_provision_to_name()
    {
        var definition = WorkflowFiles.PlanDeferral();
        definition["rules"]!.AsArray().Add("GS-10b");

        var problem = SingleProblem(definition);

        Assert.Equal("$.rules[3]", problem.JsonPath);
        Assert.Contains("runs in every province (province 100000) and may not cite GS-10b, a rule of province 620000", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("explorationBreach", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Gansu_definition_may_not_name_GS_9d_beyond_its_window_nor_ZJ_27b_a_Zhejiang_rule()
    {
        var definition = WorkflowFiles.PlanDeferral();
        definition["province"] = "620000";
        definition["validFrom"] = "2024-05-10";
        definition["validUntil"] = "2026-12-31";
        definition["rules"]!.AsArray().Add("GS-9d");

        var window = SingleProblem(definition);
        Assert.Contains("GS-9d is in force 2024-05-10 to 2025-12-31, but the definition runs 2024-05-10 to 2026-12-31", window.Reason, StringComparison.Ordinal);

        definition["validUntil"] = "2025-12-31";
        definition["rules"]!.AsArray().Add("ZJ-27b");
        var territory = SingleProblem(definition);
        Assert.Contains("runs in province 620000 and may not cite ZJ-27b, a rule of province 330000", territory.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provision_no_rule_fills_is_refused()
    {
        var definition = WorkflowFiles.PlanDeferral();
        definition["rules"]!.AsArray().Add("planDeferal");

        var problem = SingleProblem(definition);

        Assert.Contains("'planDeferal' is neither a rule ID nor a provision that a rule of the rulebooks fills", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_ID_not_in_the_policy_is_refused()
    {
        var definition = WorkflowFiles.PlanDeferral();
        Transition(definition, 0)["rule"] = "GS-99";

        var problem = SingleProblem(definition);

        Assert.Equal(File, problem.File);
        Assert.Equal("$.transitions[0].rule", problem.JsonPath);
        Assert.Contains("'GS-99' is not a rule ID of the rulebooks", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_period_that_is_not_ISO_8601_is_refused()
    {
        var definition = WorkflowFiles.PlanDeferral();
        definition["deadlines"]!["planDue"]!["period"] = "1 year";

        var problem = SingleProblem(definition);

        Assert.Equal(File, problem.File);
        Assert.Equal("$.deadlines.planDue.period", problem.JsonPath);
        Assert.Contains("'1 year' is not an ISO 8601 date period", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_value_without_its_name_in_both_languages_is_refused()
    {
        var definition = WorkflowFiles.PlanDeferral();
        var (signal, spec) = definition["signals"]!.AsObject().First();
        spec!["inputs"] = JsonNode.Parse("""
            { "scale": { "type": "choice", "label": { "zh-CN": "规模", "en": "Scale" }, "values": ["large", "small"],
                         "valueLabels": { "large": { "zh-CN": "大型", "en": "Large" } } } }
            """);

        var problem = SingleProblem(definition);

        Assert.Equal($"$.signals.{signal}.inputs.scale.valueLabels", problem.JsonPath);
        Assert.Contains("'small' needs its name in Chinese and English", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Notify_naming_an_unknown_notice_is_refused()
    {
        var definition = WorkflowFiles.PlanDeferral();
        definition["states"]!["returned"]!["onEntry"]![0]!["notice"] = "planLost";

        var problem = SingleProblem(definition);

        Assert.Equal(File, problem.File);
        Assert.Equal("$.states.returned.onEntry[0]", problem.JsonPath);
        Assert.Contains("'notice' naming one of $.notices (got 'planLost')", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_a_bad_file_stops_the_start_naming_the_file_the_path_and_the_reason()
    {
        using var folder = new TemporaryFolder();
        var good = WorkflowFiles.PlanDeferral();
        var bad = WorkflowFiles.PlanDeferral();
        bad["id"] = "bad-deferral";
        bad["deadlines"]!["planDue"]!["period"] = "1 year";
        folder.Write("a-good.json", good.ToJsonString());
        folder.Write("b-bad.json", bad.ToJsonString());

        var error = Assert.Throws<WorkflowDefinitionException>(() => _loader.LoadDirectory(folder.Path));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("b-bad.json", problem.File);
        Assert.Contains("b-bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.deadlines.planDue.period", error.Message, StringComparison.Ordinal);
        Assert.Contains("'1 year' is not an ISO 8601 date period", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a-good.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_with_the_same_id_and_version_are_reported()
    {
        using var folder = new TemporaryFolder();
        folder.Write("first.json", WorkflowFiles.PlanDeferralJson());
        folder.Write("second.json", WorkflowFiles.PlanDeferralJson());

        var error = Assert.Throws<WorkflowDefinitionException>(() => _loader.LoadDirectory(folder.Path));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("second.json", problem.File);
        Assert.Equal("$.version", problem.JsonPath);
        Assert.Contains("'exploration-plan-deferral' version 1 is defined more than once", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("first.json", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_versions_of_one_id_load_side_by_side()
    {
        using var folder = new TemporaryFolder();
        var second = WorkflowFiles.PlanDeferral();
        second["version"] = 2;
        folder.Write("v1.json", WorkflowFiles.PlanDeferralJson());
        folder.Write("v2.json", second.ToJsonString());

        var loaded = _loader.LoadDirectory(folder.Path);

        Assert.Equal([1, 2], loaded.Where(l => l.Definition.Id == "exploration-plan-deferral").Select(l => l.Definition.Version).Order());
    }

    private static JsonNode Transition(JsonObject definition, int index) => definition["transitions"]![index]!;

    private DefinitionProblem SingleProblem(JsonObject definition) => SingleProblem(definition.ToJsonString());

    private DefinitionProblem SingleProblem(string json)
    {
        var problems = new List<DefinitionProblem>();

        var loaded = _loader.Load(File, json, problems);

        Assert.Null(loaded);
        return Assert.Single(problems);
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public TemporaryFolder()
        {
            Path = Directory.CreateTempSubdirectory("miningrights-workflows-").FullName;

            // The plan deferral opens cases, which run on the case workflow, and a withdrawal in a case starts the geological
            // data duty (CN-GEODATA): a folder without them does not load.
            foreach (var file in new[] { "case.json", "geological-data.json" })
            {
                System.IO.File.Copy(System.IO.Path.Combine(WorkflowFiles.Folder, file), System.IO.Path.Combine(Path, file));
            }
        }

        public string Path { get; }

        public void Write(string name, string json) => System.IO.File.WriteAllText(System.IO.Path.Combine(Path, name), json);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
