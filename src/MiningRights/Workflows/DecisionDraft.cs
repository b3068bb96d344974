using MiningRights.Policies;

namespace MiningRights.Workflows;

/// <summary>A decision checked and numbered, waiting for its journal entry.</summary>
public sealed record DecisionDraft(string Number, int Year, int? Serial, DateOnly DecidedOn, string Facts, Citation Basis)
{
    /// <summary>What names a decision's formalities among a signal's inputs: <c>decision.number</c>, <c>decision.basis</c>, …</summary>
    public const string Prefix = "decision.";

    /// <summary>The signal's own values and the decision's formalities, told apart by <see cref="Prefix"/>.</summary>
    public static (Dictionary<string, string?> Inputs, Dictionary<string, string?> Formalities) Split(IReadOnlyDictionary<string, string?> raw)
    {
        var inputs = new Dictionary<string, string?>(StringComparer.Ordinal);
        var formalities = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in raw)
        {
            (name.StartsWith(Prefix, StringComparison.Ordinal) ? formalities : inputs)[name] = value;
        }

        return (inputs, formalities);
    }
}
