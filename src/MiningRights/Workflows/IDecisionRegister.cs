using MiningRights.Policies;

namespace MiningRights.Workflows;

/// <summary>
/// The formal decisions a signal may take (its definition declares a <c>decision</c>): the decisions feature checks the
/// formalities the officer gave (number, date, facts, legal basis), and records the decision with the journal entry of
/// the step that took it. The runtime only hands the formalities over and keeps the number in its journal.
/// </summary>
public interface IDecisionRegister
{
    /// <summary>Checks the formalities: refuses with 422 naming every missing or invalid one, 409 for a number already used.</summary>
    Task<DecisionDraft> CheckAsync(SignalDefinition spec, WorkflowInstance instance, IReadOnlyList<PolicyRule> inForce, Func<string, Citation> cite,
        IReadOnlyDictionary<string, string?> given, DateOnly today, CancellationToken ct);

    /// <summary>Adds the decision taken at <paramref name="entry"/> to the unit of work.</summary>
    void Record(DecisionDraft draft, WorkflowInstance instance, Guid? addressee, string signal, SignalDefinition spec, JournalEntry entry, string? terms, DateTime now);
}
