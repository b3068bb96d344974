namespace MiningRights.Policies;

/// <summary>
/// The numbers the notices do not fix (the "parameters" of the policy catalogue) as they apply in one province: the built-in defaults of
/// the policy brief, replaced by <c>Parameters:Defaults</c>, replaced in turn by the province's own values.
/// </summary>
public sealed record ProvinceParameters
{
    /// <summary>Parameters in days that a deadline may count by (<c>periodParameter</c>).</summary>
    public static readonly IReadOnlyList<string> DayParameters = [nameof(CaseGraceDays), nameof(ResubmissionWindowDays)];

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

    /// <summary>The value of a day parameter named in a definition (see <see cref="DayParameters"/>).</summary>
    public int Days(string name) => name switch
    {
        nameof(CaseGraceDays) => CaseGraceDays,
        nameof(ResubmissionWindowDays) => ResubmissionWindowDays,
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
    };

    public IEnumerable<string> Validate()
    {
        if (ReminderDaysBefore.Any(d => d is <= 0 or > 366) || ReminderDaysBefore.Distinct().Count() != ReminderDaysBefore.Count)
        {
            yield return "ReminderDaysBefore must be distinct whole days between 1 and 366.";
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
    }
}
