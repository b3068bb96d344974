using MiningRights.Workflows;

namespace MiningRights.Tests.Workflows;

/// <summary>A definition drawn as a Mermaid state diagram: every state and transition from the JSON, the current state highlighted.</summary>
public sealed class WorkflowDiagramTests
{
    [Fact]
    public void Every_state_and_transition_of_a_definition_is_drawn_with_its_trigger_and_rule_and_the_current_state_marked()
    {
        var problems = new List<DefinitionProblem>();
        var definition = WorkflowFiles.Loader().Load("exploration-plan-deferral.json", WorkflowFiles.PlanDeferralJson(), problems)!.Definition;
        Assert.Empty(problems);

        var zh = WorkflowDiagram.Mermaid(definition, "zh-CN", "underReview");
        var en = WorkflowDiagram.Mermaid(definition, "en");

        Assert.StartsWith("stateDiagram-v2\n", zh, StringComparison.Ordinal);
        Assert.Contains($"[*] --> s_{definition.InitialState}", zh, StringComparison.Ordinal);
        Assert.All(definition.States.Keys, s => Assert.Contains($" as s_{s}\n", zh, StringComparison.Ordinal));
        Assert.All(definition.Transitions, t => Assert.Contains($"s_{t.From} --> s_{t.To} : ", zh, StringComparison.Ordinal));
        Assert.Equal(definition.Transitions.Count, zh.Split('\n').Count(l => l.Contains(" --> s_", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal)));
        Assert.Contains(" : 到期 ", zh, StringComparison.Ordinal);
        Assert.Contains(" : expires ", en, StringComparison.Ordinal);
        Assert.Contains("(planDeferral)", zh, StringComparison.Ordinal);
        Assert.Contains("class s_underReview current", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("class ", en, StringComparison.Ordinal);
        Assert.Contains(definition.States["underReview"].Status.En, en, StringComparison.Ordinal);
        Assert.DoesNotContain("\"\"", zh, StringComparison.Ordinal);
    }
}
