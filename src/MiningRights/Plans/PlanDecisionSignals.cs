using MiningRights.Data;
using MiningRights.Workflows;

namespace MiningRights.Plans;

/// <summary>
/// The signal that decides a submitted plan, as the waiting process names it: the signal its definition marks
/// <c>decidesPlan</c> with the outcome, taken in the state the process is in (approve/return for the exploration plan,
/// reviewPassed/reviewFailed after an expert review for the provisional licence). One lookup for every workflow.
/// </summary>
public sealed class PlanDecisionSignals(MiningRightsDbContext db, WorkflowRegistry registry)
{
    public sealed record Found(WorkflowInstance Instance, string Signal, SignalDefinition Definition);

    /// <summary>The plan's process and the signal that gives it <paramref name="outcome"/>; a 409 when the process takes none now.</summary>
    public async Task<Found> FindAsync(PlanDocument plan, string outcome, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.FindAsync([plan.InstanceId], ct)
            ?? throw new InvalidOperationException($"Plan {plan.Id} belongs to no workflow instance.");
        var definition = (await registry.ResolveAsync(instance, db, ct)).Definition;
        var signal = Of(definition, instance.State, outcome);
        if (signal is null)
        {
            throw RefusalException.Conflict($"The plan's process ({definition.Title.En}) does not take a decision now.",
                $"该方案所属流程（{definition.Title.Zh}）当前不能作出决定。");
        }

        return new Found(instance, signal, definition.Signals[signal]);
    }

    /// <summary>The signal of <paramref name="definition"/> that gives a plan <paramref name="outcome"/> from <paramref name="state"/>, or null.</summary>
    public static string? Of(WorkflowDefinition definition, string state, string outcome) =>
        definition.Signals.Where(s => s.Value.DecidesPlan == outcome)
            .Select(s => s.Key)
            .FirstOrDefault(name => definition.Offers(state, name));
}
