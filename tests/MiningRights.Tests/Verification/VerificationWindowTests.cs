using MiningRights.Verification;

namespace MiningRights.Tests.Verification;

public sealed class VerificationWindowTests
{
    [Theory]
    [InlineData("2026-01-15", 2, "2026-Q1", "2026-04-01", "2026-09-30")]
    [InlineData("2026-01-01", 2, "2026-Q1", "2026-04-01", "2026-09-30")]
    [InlineData("2026-03-31", 2, "2026-Q1", "2026-04-01", "2026-09-30")]
    [InlineData("2025-07-01", 2, "2025-Q3", "2025-10-01", "2026-03-31")]
    [InlineData("2025-11-20", 2, "2025-Q4", "2026-01-01", "2026-06-30")]
    [InlineData("2025-11-20", 1, "2025-Q4", "2026-01-01", "2026-03-31")]
    [InlineData("2025-11-20", 8, "2025-Q4", "2026-01-01", "2027-12-31")]
    public void GS_9b_a_batch_gathers_the_quarters_after_the_one_it_runs_in(string day, int quarters, string quarter, string from, string to)
    {
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var window = QuarterlyVerification.WindowOf(today, quarters);

        Assert.Equal(quarter, QuarterlyVerification.QuarterOf(today).Label);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), window.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), window.To);
    }
}
