using MiningRights.Policies;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Shared;

/// <summary>
/// The formalities of one decision in a form, for <c>_DecisionFields</c>: facts (unless the form's reasons are the facts),
/// basis, number, date, and the confirmation naming the consequence with the button that takes the decision.
/// </summary>
/// <param name="Id">Prefix of the fields' ids, unique on the page.</param>
/// <param name="Handler">The page handler the form posts to, to show what was typed after a refusal.</param>
/// <param name="Signal">The signal a generic signal form carries (null for a form of its own).</param>
/// <param name="Label">What the decision is, on its button.</param>
/// <param name="AsksFacts">False when the form's own reasons are the decision's facts.</param>
/// <param name="Required">False where the same form also takes a step that is not a decision (the server checks them then).</param>
/// <param name="Submit">The name and value the confirming button posts, when the form's handler tells outcomes apart by it.</param>
public sealed record DecisionFields(
    string Id,
    string Handler,
    string? Signal,
    LocalizedText Label,
    DecisionDefinition Decision,
    IReadOnlyList<PolicyRule> Bases,
    bool AsksFacts = true,
    bool Required = true,
    (string Name, string Value)? Submit = null);
