using System.Globalization;

namespace MiningRights.Policies;

/// <summary>
/// The parameters in force in one province on one day: each defined by a rule in force there then (or by its issuer's
/// rulebook), at the rulebook's default unless the configuration sets it. A parameter no rule in force defines is absent
/// (Zhejiang's first-installment share is not a parameter in Gansu).
/// </summary>
public sealed class ProvinceParameters(IReadOnlyDictionary<string, ParameterValue> values)
{
    public IReadOnlyDictionary<string, ParameterValue> Values => values;

    public bool Has(string name) => values.ContainsKey(name);

    public object Get(string name) =>
        values.TryGetValue(name, out var value) ? value.Value
            : throw new KeyNotFoundException($"No rule in force here defines the parameter '{name}'.");

    public int Int(string name) => (int)Get(name);

    public int? IntOrNull(string name) => values.TryGetValue(name, out var value) ? (int)value.Value : null;

    public decimal Decimal(string name) => (decimal)Get(name);

    public decimal? DecimalOrNull(string name) => values.TryGetValue(name, out var value) ? (decimal)value.Value : null;

    /// <summary>A parameter counted in whole days (a definition's <c>periodParameter</c>).</summary>
    public int Days(string name) => Int(name);

    /// <summary>Days before a due date on which a reminder is sent, latest first.</summary>
    public IReadOnlyList<int> ReminderDaysBefore => (int[])Get(nameof(ReminderDaysBefore));

    /// <summary>Local hour of the day at which reminders go out.</summary>
    public int ReminderHour => Int(nameof(ReminderHour));

    public int CaseGraceDays => Int(nameof(CaseGraceDays));

    public int ResubmissionWindowDays => Int(nameof(ResubmissionWindowDays));

    public int LargeMineMaxYears => Int(nameof(LargeMineMaxYears));

    public int MediumMineMaxYears => Int(nameof(MediumMineMaxYears));

    public int SmallMineMaxYears => Int(nameof(SmallMineMaxYears));

    public int RenewalLeadDays => Int(nameof(RenewalLeadDays));

    public decimal LateFeeDailyRate => Decimal(nameof(LateFeeDailyRate));

    /// <summary>Least first installment of income by amount, in percent (ZJ-27b); null where no rule in force fixes one.</summary>
    public decimal? FirstInstallmentMinimumPercent => DecimalOrNull(nameof(FirstInstallmentMinimumPercent));

    /// <summary>Consecutive accepted empty contract years that are enclosing without exploring (GS-10b); null where no rule in force makes it a breach.</summary>
    public int? EnclosingYears => IntOrNull(nameof(EnclosingYears));

    public int? VerificationWindowQuarters => IntOrNull(nameof(VerificationWindowQuarters));

    /// <summary>The day of <paramref name="year"/> by which a by-rate declaration is due (29 February falls back to 28).</summary>
    public DateOnly IncomeDeclarationDueIn(int year)
    {
        var due = (string)Get("IncomeDeclarationDue");
        var month = int.Parse(due.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(due.AsSpan(3, 2), CultureInfo.InvariantCulture);
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }
}
