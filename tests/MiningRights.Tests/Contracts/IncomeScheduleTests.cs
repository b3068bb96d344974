using System.Globalization;
using MiningRights.Contracts;

namespace MiningRights.Tests.Contracts;

public sealed class IncomeScheduleTests
{
    private const decimal TenPercent = 10m;
    private static readonly DateOnly SignedOn = new(2025, 3, 1);

    private static IReadOnlyList<ScheduledInstallment> Check(decimal? total, params (DateOnly? DueOn, decimal? Amount)[] installments) =>
        IncomeSchedule.Check(total, installments, "ZJ-27b", TenPercent, SignedOn);

    private static (DateOnly? DueOn, decimal? Amount) Due(int year, int month, int day, decimal? amount) => (new DateOnly(year, month, day), amount);

    private static RefusalException Refusal(Action check) => Assert.Throws<RefusalException>(check);

    private static void AssertRefusedByRule(RefusalException refusal, string field)
    {
        Assert.Equal(422, refusal.Status);
        Assert.Equal("ZJ-27b", refusal.RuleId);
        Assert.Equal([field], refusal.Errors.Keys);
    }

    private static void AssertInvalid(RefusalException refusal, string field)
    {
        Assert.Equal(400, refusal.Status);
        Assert.Null(refusal.RuleId);
        Assert.Equal([field], refusal.Errors.Keys);
    }

    [Fact]
    public void A_first_installment_of_9_99_percent_is_refused_under_ZJ_27b()
    {
        var refusal = Refusal(() => Check(1_000_000m, Due(2025, 4, 1, 99_900m), Due(2026, 4, 1, 900_100m)));

        AssertRefusedByRule(refusal, "installments[0].amount");
        Assert.Equal(
            "The first installment 99,900.00 yuan is 9.99% of the transfer income 1,000,000.00 yuan; ZJ-27b requires at least 10% (100,000.00 yuan).",
            refusal.Message);
    }

    [Fact]
    public void A_first_installment_of_exactly_10_percent_is_accepted_and_the_installments_are_numbered_from_1()
    {
        var schedule = Check(1_000_000m, Due(2025, 4, 1, 100_000m), Due(2026, 4, 1, 450_000m), Due(2027, 4, 1, 450_000m));

        Assert.Equal(
            [
                new ScheduledInstallment(1, new DateOnly(2025, 4, 1), 100_000m),
                new ScheduledInstallment(2, new DateOnly(2026, 4, 1), 450_000m),
                new ScheduledInstallment(3, new DateOnly(2027, 4, 1), 450_000m),
            ],
            schedule);
    }

    [Fact]
    public void A_first_installment_a_fen_under_10_percent_is_refused_and_shown_cut_not_rounded_up_to_10_percent()
    {
        var refusal = Refusal(() => Check(1_000_000m, Due(2025, 4, 1, 99_999.99m), Due(2026, 4, 1, 900_000.01m)));

        AssertRefusedByRule(refusal, "installments[0].amount");
        Assert.Contains("is 9.99% of", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_least_acceptable_first_installment_is_rounded_up_to_the_next_fen()
    {
        var refusal = Refusal(() => Check(1_000_000.01m, Due(2025, 4, 1, 100_000m), Due(2026, 4, 1, 900_000.01m)));

        AssertRefusedByRule(refusal, "installments[0].amount");
        Assert.EndsWith("requires at least 10% (100,000.01 yuan).", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_province_may_set_another_minimum()
    {
        var installments = new (DateOnly?, decimal?)[] { Due(2025, 4, 1, 120_000m), Due(2026, 4, 1, 880_000m) };

        var refusal = Refusal(() => IncomeSchedule.Check(1_000_000m, installments, "ZJ-27b", 12.5m, SignedOn));

        Assert.EndsWith("is 12.00% of the transfer income 1,000,000.00 yuan; ZJ-27b requires at least 12.5% (125,000.00 yuan).",
            refusal.Message, StringComparison.Ordinal);
        Assert.Equal(2, IncomeSchedule.Check(1_000_000m, installments, "ZJ-27b", 12m, SignedOn).Count);
    }

    [Fact]
    public void A_single_installment_of_the_whole_total_is_accepted()
    {
        var schedule = Check(2_500_000.50m, Due(2025, 3, 1, 2_500_000.50m));

        Assert.Equal([new ScheduledInstallment(1, new DateOnly(2025, 3, 1), 2_500_000.50m)], schedule);
    }

    [Fact]
    public void Installments_a_fen_short_of_the_total_are_refused()
    {
        var refusal = Refusal(() => Check(1_000_000m, Due(2025, 4, 1, 100_000m), Due(2026, 4, 1, 899_999.99m)));

        AssertRefusedByRule(refusal, "installments");
        Assert.Equal("The installments add up to 999,999.99 yuan but the transfer income is 1,000,000.00 yuan: 0.01 yuan short.", refusal.Message);
    }

    [Fact]
    public void Installments_a_fen_over_the_total_are_refused()
    {
        var refusal = Refusal(() => Check(1_000_000m, Due(2025, 4, 1, 100_000m), Due(2026, 4, 1, 900_000.01m)));

        AssertRefusedByRule(refusal, "installments");
        Assert.Equal("The installments add up to 1,000,000.01 yuan but the transfer income is 1,000,000.00 yuan: 0.01 yuan over.", refusal.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void A_due_date_on_or_before_the_one_before_it_is_refused(int daysEarlier)
    {
        var refusal = Refusal(() => Check(1_000_000m,
            Due(2025, 4, 1, 100_000m), Due(2026, 4, 1, 400_000m), (new DateOnly(2026, 4, 1).AddDays(-daysEarlier), 500_000m)));

        AssertRefusedByRule(refusal, "installments[2].dueOn");
        Assert.Contains("strictly ascending", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_due_date_before_the_contract_was_signed_is_refused()
    {
        var refusal = Refusal(() => Check(1_000_000m, Due(2025, 2, 28, 1_000_000m)));

        AssertRefusedByRule(refusal, "installments[0].dueOn");
        Assert.Equal("The first installment is due on 2025-02-28, before the contract was signed on 2025-03-01.", refusal.Message);
    }

    [Theory]
    [InlineData("1000000.001", "100000", "900000.001", "totalIncome")]
    [InlineData("1000000", "100000.001", "899999.999", "installments[0].amount")]
    [InlineData("1000000", "100000", "899999.999", "installments[1].amount")]
    public void Amounts_with_three_decimals_are_refused(string total, string first, string second, string field)
    {
        var refusal = Refusal(() => Check(Parse(total), Due(2025, 4, 1, Parse(first)), Due(2026, 4, 1, Parse(second))));

        AssertInvalid(refusal, field);
        Assert.Contains("more than two decimals", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("-1")]
    public void A_missing_zero_or_negative_total_is_refused(string? total)
    {
        var refusal = Refusal(() => Check(total is null ? null : Parse(total), Due(2025, 4, 1, 1m)));

        AssertInvalid(refusal, "totalIncome");
    }

    [Fact]
    public void A_schedule_without_installments_is_refused()
    {
        AssertInvalid(Refusal(() => IncomeSchedule.Check(1m, null, "ZJ-27b", TenPercent, SignedOn)), "installments");
        AssertInvalid(Refusal(() => Check(1m)), "installments");
    }

    [Fact]
    public void An_installment_without_a_due_date_or_an_amount_is_refused_naming_it()
    {
        AssertInvalid(Refusal(() => Check(2m, Due(2025, 4, 1, 1m), (null, 1m))), "installments[1].dueOn");
        AssertInvalid(Refusal(() => Check(2m, Due(2025, 4, 1, 1m), Due(2025, 5, 1, null))), "installments[1].amount");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-100")]
    public void An_installment_of_zero_or_less_is_refused(string amount)
    {
        var refusal = Refusal(() => Check(1_000_000m, Due(2025, 4, 1, 1_000_000m), Due(2026, 4, 1, Parse(amount))));

        AssertInvalid(refusal, "installments[1].amount");
    }

    [Fact]
    public void One_hundred_installments_are_accepted_and_one_hundred_and_one_refused()
    {
        static (DateOnly?, decimal?)[] Monthly(int count) =>
            [.. Enumerable.Range(0, count).Select(i => ((DateOnly?)SignedOn.AddMonths(i), (decimal?)100m))];

        Assert.Equal(100, IncomeSchedule.Check(10_000m, Monthly(100), "ZJ-27b", 1m, SignedOn).Count);
        AssertInvalid(Refusal(() => IncomeSchedule.Check(10_100m, Monthly(101), "ZJ-27b", 0m, SignedOn)), "installments");
    }

    [Fact]
    public void An_absurdly_large_total_is_refused_instead_of_overflowing()
    {
        AssertInvalid(Refusal(() => Check(decimal.MaxValue, Due(2025, 4, 1, decimal.MaxValue))), "totalIncome");
    }

    [Fact]
    public void By_rate_the_amount_due_is_the_rate_of_the_revenue_rounded_to_the_fen()
    {
        // 1,234,567.89 x 3.5% = 43,209.87615
        Assert.Equal(43_209.88m, IncomeSchedule.DueByRate(1_234_567.89m, 3.5m));
        Assert.Equal(0m, IncomeSchedule.DueByRate(0m, 3.5m));
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("100.001")]
    public void By_rate_a_negative_revenue_or_one_not_in_cents_is_refused(string revenue)
    {
        AssertInvalid(Refusal(() => IncomeSchedule.DueByRate(Parse(revenue), 3.5m)), "revenue");
    }

    private static decimal Parse(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
