using MiningRights.Deadlines;
using MiningRights.Time;

namespace MiningRights.Tests.Deadlines;

public sealed class DateRuleTests
{
    private static readonly ProvinceCalendar China = ProvinceCalendar.China;

    [Fact]
    public void Plan_due_date_from_leap_day_is_28_February()
    {
        var due = IsoPeriod.Parse("P1Y").AddTo(new DateOnly(2024, 2, 29));

        Assert.Equal(new DateOnly(2025, 2, 28), due);
    }

    [Fact]
    public void Two_year_licence_from_leap_day_ends_28_February()
    {
        var expiry = IsoPeriod.Parse("P2Y").AddTo(new DateOnly(2024, 2, 29));

        Assert.Equal(new DateOnly(2026, 2, 28), expiry);
    }

    [Fact]
    public void One_year_from_1_March_before_a_leap_year_is_1_March()
    {
        var due = IsoPeriod.Parse("P1Y").AddTo(new DateOnly(2023, 3, 1));

        Assert.Equal(new DateOnly(2024, 3, 1), due);
    }

    [Fact]
    public void Thirty_days_count_calendar_days_across_a_leap_February()
    {
        var period = IsoPeriod.Parse("P30D");

        Assert.Equal(new IsoPeriod(0, 0, 30), period);
        Assert.Equal(new DateOnly(2024, 3, 2), period.AddTo(new DateOnly(2024, 2, 1)));
    }

    [Fact]
    public void Months_and_weeks_are_read_as_calendar_parts()
    {
        Assert.Equal(new IsoPeriod(1, 6, 0), IsoPeriod.Parse("P1Y6M"));
        Assert.Equal(new IsoPeriod(0, 0, 14), IsoPeriod.Parse("P2W"));
    }

    [Theory]
    [InlineData("1Y")]
    [InlineData("P")]
    [InlineData("PT1H")]
    [InlineData("P-1D")]
    [InlineData("P1.5Y")]
    [InlineData("p1y")]
    [InlineData("")]
    [InlineData(" ")]
    public void Text_that_is_not_an_ISO_date_period_is_rejected(string text)
    {
        Assert.False(IsoPeriod.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => IsoPeriod.Parse(text));
        Assert.Contains("ISO 8601", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_not_a_period()
    {
        Assert.False(IsoPeriod.TryParse(null, out _));
    }

    [Fact]
    public void A_deadline_on_10_May_ends_at_midnight_Beijing_time()
    {
        var end = China.EndOfDayUtc(new DateOnly(2025, 5, 10));

        Assert.Equal(new DateTime(2025, 5, 10, 16, 0, 0, DateTimeKind.Utc), end);
        Assert.Equal(DateTimeKind.Utc, end.Kind);
    }

    [Fact]
    public void A_local_day_starts_at_16_00_UTC_the_day_before()
    {
        Assert.Equal(new DateTime(2025, 5, 9, 16, 0, 0, DateTimeKind.Utc), China.StartOfDayUtc(new DateOnly(2025, 5, 10)));
    }

    [Fact]
    public void The_local_date_changes_at_16_00_UTC()
    {
        Assert.Equal(new DateOnly(2025, 5, 10), China.DateAt(new DateTimeOffset(2025, 5, 10, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2025, 5, 11), China.DateAt(new DateTimeOffset(2025, 5, 10, 16, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2025-05-01T00:00:00Z", 9)]
    [InlineData("2025-05-09T16:00:00Z", 0)]
    [InlineData("2025-05-10T15:59:59Z", 0)]
    [InlineData("2025-05-10T16:00:00Z", -1)]
    [InlineData("2025-05-20T04:00:00Z", -10)]
    public void Days_left_count_local_dates_and_go_negative_when_overdue(string now, int expected)
    {
        var instant = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, China.DaysLeft(new DateOnly(2025, 5, 10), instant));
    }
}
