namespace MiningRights.Policies;

/// <summary>
/// Parameters as configured, each one optional: <c>Parameters:Defaults</c> and <c>Parameters:Provinces:{code}</c>. A
/// value given replaces the one below it whole (a list is never merged with another list), so a province that sets
/// reminders [45, 10] gets exactly those.
/// </summary>
public sealed class ParameterSet
{
    // Lists start empty (null), never with a default: the configuration binder appends to an existing array.
    public int[]? ReminderDaysBefore { get; set; }

    public int? CaseGraceDays { get; set; }

    public int? ResubmissionWindowDays { get; set; }

    public int? LargeMineMaxYears { get; set; }

    public int? MediumMineMaxYears { get; set; }

    public int? SmallMineMaxYears { get; set; }

    public int? ReminderHour { get; set; }

    public int? AnnouncementDays { get; set; }

    public int? OutcomeRecordingDays { get; set; }

    public int? ContractSigningDays { get; set; }

    public int? RegistrationDays { get; set; }

    public int? DisclosureDays { get; set; }

    public decimal? FirstInstallmentMinimumPercent { get; set; }

    public decimal? LateFeeDailyRate { get; set; }

    public string? IncomeDeclarationDue { get; set; }

    public int? EnclosingYears { get; set; }

    public int? RenewalLeadDays { get; set; }

    public int? VerificationWindowQuarters { get; set; }

    public int? VerificationTaskDays { get; set; }
}
