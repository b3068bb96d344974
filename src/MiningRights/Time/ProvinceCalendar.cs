namespace MiningRights.Time;

/// <summary>
/// Deadlines are calendar dates in the province's time zone and end at the end of their day.
/// This type is the one place that turns such dates into instants and back.
/// </summary>
public sealed class ProvinceCalendar
{
    public static readonly ProvinceCalendar China = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public ProvinceCalendar(TimeZoneInfo zone)
    {
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The calendar date in the province at the given instant.</summary>
    public DateOnly DateAt(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant, in UTC, at which the given local date begins.</summary>
    public DateTime StartOfDayUtc(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>The instant, in UTC, at which a deadline on the given date has passed: the start of the next day.</summary>
    public DateTime EndOfDayUtc(DateOnly date) => StartOfDayUtc(date.AddDays(1));

    /// <summary>Whole days from the local date at <paramref name="now"/> to <paramref name="due"/>; negative when overdue.</summary>
    public int DaysLeft(DateOnly due, DateTimeOffset now) => due.DayNumber - DateAt(now).DayNumber;
}
