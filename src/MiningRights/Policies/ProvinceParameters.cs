namespace MiningRights.Policies;

/// <summary>
/// The numbers the notices do not fix (the "parameters" of the policy catalogue) as they apply in one province: the built-in defaults of
/// the policy brief, replaced by <c>Parameters:Defaults</c>, replaced in turn by the province's own values.
/// </summary>
public sealed record ProvinceParameters
{
    /// <summary>Parameters in days that a deadline may count by (<c>periodParameter</c>).</summary>
    public static readonly IReadOnlyList<string> DayParameters =
    [
        nameof(CaseGraceDays), nameof(ResubmissionWindowDays), nameof(AnnouncementDays), nameof(OutcomeRecordingDays),
        nameof(ContractSigningDays), nameof(RegistrationDays), nameof(DisclosureDays), nameof(VerificationTaskDays),
    ];

    /// <summary>Days before a due date on which a reminder is sent.</summary>
    public IReadOnlyList<int> ReminderDaysBefore { get; init; } = [60, 30, 7, 1];

    /// <summary>Days after the due date before an overdue obligation becomes an inspector's case (licence lapses: at once).</summary>
    public int CaseGraceDays { get; init; } = 15;

    /// <summary>Days a holder has to resubmit a returned plan; never earlier than the original due date.</summary>
    public int ResubmissionWindowDays { get; init; } = 30;

    /// <summary>Largest licence term, in years, by mine scale (national mining registration rules, CN-SCALE).</summary>
    public int LargeMineMaxYears { get; init; } = 30;

    public int MediumMineMaxYears { get; init; } = 20;

    public int SmallMineMaxYears { get; init; } = 10;

    /// <summary>Local hour of the day at which reminders go out.</summary>
    public int ReminderHour { get; init; } = 9;

    /// <summary>Days a tender, auction or listing announcement runs before the outcome is recorded (CN-TRANSFER).</summary>
    public int AnnouncementDays { get; init; } = 20;

    /// <summary>Days after the announcement period within which the authority records the outcome (winner or no bidder).</summary>
    public int OutcomeRecordingDays { get; init; } = 10;

    /// <summary>Days after the transaction within which the transfer contract is signed.</summary>
    public int ContractSigningDays { get; init; } = 15;

    /// <summary>Days after the first payment within which the authority registers the right.</summary>
    public int RegistrationDays { get; init; } = 20;

    /// <summary>Days an agreement transfer is publicly disclosed (公示) before it may be approved (GS-9a).</summary>
    public int DisclosureDays { get; init; } = 10;

    /// <summary>Least share of the transfer income, in percent, that the first installment must be (ZJ-27b).</summary>
    public decimal FirstInstallmentMinimumPercent { get; init; } = 10m;

    /// <summary>Daily late charge on unpaid transfer income, as a fraction (0.0005 = 0.05% a day); 0 is off (CN-LATEFEE).</summary>
    public decimal LateFeeDailyRate { get; init; }

    /// <summary>Consecutive contract years without accepted exploration work or investment that are enclosing without exploring (圈而不探, GS-10b).</summary>
    public int EnclosingYears { get; init; } = 2;

    /// <summary>Days before expiry by which the holder applies for renewal (延续, CN-RENEW: at least 30).</summary>
    public int RenewalLeadDays { get; init; } = 30;

    /// <summary>Quarters ahead whose expiring rights a quarterly verification batch gathers (GS-9b: the next two).</summary>
    public int VerificationWindowQuarters { get; init; } = 2;

    /// <summary>Days a county has to record a verification result (GS-9b).</summary>
    public int VerificationTaskDays { get; init; } = 30;

    /// <summary>Month and day (MM-dd) by which a by-rate holder declares the year's sales revenue and pays (ZJ-27a).</summary>
    public string IncomeDeclarationDue { get; init; } = "05-31";

    /// <summary>The value of a day parameter named in a definition (see <see cref="DayParameters"/>).</summary>
    public int Days(string name) => name switch
    {
        nameof(CaseGraceDays) => CaseGraceDays,
        nameof(ResubmissionWindowDays) => ResubmissionWindowDays,
        nameof(AnnouncementDays) => AnnouncementDays,
        nameof(OutcomeRecordingDays) => OutcomeRecordingDays,
        nameof(ContractSigningDays) => ContractSigningDays,
        nameof(RegistrationDays) => RegistrationDays,
        nameof(DisclosureDays) => DisclosureDays,
        nameof(VerificationTaskDays) => VerificationTaskDays,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a day parameter."),
    };

    /// <summary>These parameters with the values <paramref name="set"/> gives in place of their own.</summary>
    public ProvinceParameters With(ParameterSet? set) => set is null ? this : new ProvinceParameters
    {
        ReminderDaysBefore = set.ReminderDaysBefore ?? ReminderDaysBefore,
        CaseGraceDays = set.CaseGraceDays ?? CaseGraceDays,
        ResubmissionWindowDays = set.ResubmissionWindowDays ?? ResubmissionWindowDays,
        LargeMineMaxYears = set.LargeMineMaxYears ?? LargeMineMaxYears,
        MediumMineMaxYears = set.MediumMineMaxYears ?? MediumMineMaxYears,
        SmallMineMaxYears = set.SmallMineMaxYears ?? SmallMineMaxYears,
        ReminderHour = set.ReminderHour ?? ReminderHour,
        AnnouncementDays = set.AnnouncementDays ?? AnnouncementDays,
        OutcomeRecordingDays = set.OutcomeRecordingDays ?? OutcomeRecordingDays,
        ContractSigningDays = set.ContractSigningDays ?? ContractSigningDays,
        RegistrationDays = set.RegistrationDays ?? RegistrationDays,
        DisclosureDays = set.DisclosureDays ?? DisclosureDays,
        FirstInstallmentMinimumPercent = set.FirstInstallmentMinimumPercent ?? FirstInstallmentMinimumPercent,
        LateFeeDailyRate = set.LateFeeDailyRate ?? LateFeeDailyRate,
        IncomeDeclarationDue = set.IncomeDeclarationDue ?? IncomeDeclarationDue,
        EnclosingYears = set.EnclosingYears ?? EnclosingYears,
        RenewalLeadDays = set.RenewalLeadDays ?? RenewalLeadDays,
        VerificationWindowQuarters = set.VerificationWindowQuarters ?? VerificationWindowQuarters,
        VerificationTaskDays = set.VerificationTaskDays ?? VerificationTaskDays,
    };

    /// <summary>The day of <paramref name="year"/> by which a by-rate declaration is due (29 February falls back to 28).</summary>
    public DateOnly IncomeDeclarationDueIn(int year)
    {
        var month = int.Parse(IncomeDeclarationDue.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(IncomeDeclarationDue.AsSpan(3, 2), System.Globalization.CultureInfo.InvariantCulture);
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    public IEnumerable<string> Validate()
    {
        if (ReminderDaysBefore.Any(d => d is <= 0 or > 366) || ReminderDaysBefore.Distinct().Count() != ReminderDaysBefore.Count)
        {
            yield return "ReminderDaysBefore must be distinct whole days between 1 and 366.";
        }

        if (RenewalLeadDays < 30 || VerificationWindowQuarters is < 1 or > 8 || VerificationTaskDays <= 0)
        {
            yield return "RenewalLeadDays must be at least 30 (CN-RENEW), VerificationWindowQuarters from 1 to 8, VerificationTaskDays more than 0.";
        }

        if (CaseGraceDays < 0 || ResubmissionWindowDays <= 0)
        {
            yield return "CaseGraceDays must be 0 or more and ResubmissionWindowDays more than 0.";
        }

        if (LargeMineMaxYears <= 0 || MediumMineMaxYears <= 0 || SmallMineMaxYears <= 0)
        {
            yield return "Mine term caps must be positive.";
        }

        if (ReminderHour is < 0 or > 23)
        {
            yield return "ReminderHour must be between 0 and 23.";
        }

        if (AnnouncementDays <= 0 || OutcomeRecordingDays <= 0 || ContractSigningDays <= 0 || RegistrationDays <= 0 || DisclosureDays <= 0)
        {
            yield return "AnnouncementDays, OutcomeRecordingDays, ContractSigningDays, RegistrationDays and DisclosureDays must be more than 0.";
        }

        if (EnclosingYears is < 1 or > 10)
        {
            yield return "EnclosingYears must be between 1 and 10.";
        }

        if (FirstInstallmentMinimumPercent is <= 0 or > 100)
        {
            yield return "FirstInstallmentMinimumPercent must be more than 0 and at most 100.";
        }

        if (LateFeeDailyRate is < 0 or > 0.01m)
        {
            yield return "LateFeeDailyRate is a daily fraction between 0 (off) and 0.01.";
        }

        if (!DateOnly.TryParseExact("2000-" + IncomeDeclarationDue, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            yield return "IncomeDeclarationDue is a month and day, MM-dd (e.g. 05-31).";
        }
    }
}
