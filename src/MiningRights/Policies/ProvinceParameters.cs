namespace MiningRights.Policies;

/// <summary>
/// The numbers the notices do not fix (POLICY.md "parameter"), with the defaults given there. Each province may
/// override any of them under <c>Parameters:Provinces:{code}</c>.
/// </summary>
public sealed class ProvinceParameters
{
    /// <summary>Days before a due date on which a reminder is sent.</summary>
    public int[] ReminderDaysBefore { get; set; } = [60, 30, 7, 1];

    /// <summary>Days after the due date before an overdue obligation becomes an inspector's case (licence lapses: at once).</summary>
    public int CaseGraceDays { get; set; } = 15;

    /// <summary>Days a holder has to resubmit a returned plan; never earlier than the original due date.</summary>
    public int ResubmissionWindowDays { get; set; } = 30;

    /// <summary>Largest licence term, in years, by mine scale (national mining registration rules).</summary>
    public int LargeMineMaxYears { get; set; } = 30;

    public int MediumMineMaxYears { get; set; } = 20;

    public int SmallMineMaxYears { get; set; } = 10;

    /// <summary>Local hour of the day at which reminders go out.</summary>
    public int ReminderHour { get; set; } = 9;

    public IEnumerable<string> Validate()
    {
        if (ReminderDaysBefore.Any(d => d <= 0 || d > 366))
        {
            yield return "ReminderDaysBefore must be whole days between 1 and 366.";
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
