using System.Globalization;

namespace MiningRights.Decisions;

/// <summary>
/// The formalities of a decision taken through a use case of its own rather than the generic signal (a plan returned,
/// an expert review failed): the legal basis, the document number or the service's numbering, the date, and the facts
/// when they are not the reasons the use case already asks for. The runtime checks them as it checks every decision.
/// </summary>
public sealed record DecisionFormalities(string? Basis, string? Numbering, string? Number, DateOnly? DecidedOn, string? Facts = null)
{
    /// <summary>The formalities as the signal's values (under <see cref="DecisionRecorder.Prefix"/>), the facts defaulting to <paramref name="reasons"/>.</summary>
    public static Dictionary<string, string?> Values(DecisionFormalities? formalities, string? reasons) => new(StringComparer.Ordinal)
    {
        [DecisionRecorder.FactsField] = string.IsNullOrWhiteSpace(formalities?.Facts) ? reasons : formalities.Facts,
        [DecisionRecorder.BasisField] = formalities?.Basis,
        [DecisionRecorder.NumberingField] = formalities?.Numbering,
        [DecisionRecorder.NumberField] = formalities?.Number,
        [DecisionRecorder.DecidedOnField] = formalities?.DecidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
