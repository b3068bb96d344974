using MiningRights.Contracts;

namespace MiningRights.Tests.Contracts;

public sealed class LateChargeTests
{
    // 10,000 yuan at 0.05% a day: 5.00 yuan a day while nothing is paid.
    private const decimal Amount = 10_000m;
    private const decimal Rate = 0.0005m;
    private static readonly DateOnly DueOn = new(2025, 3, 31);
    private static readonly (DateOnly PaidOn, decimal Amount)[] NoPayments = [];

    private static DateOnly April(int day) => new(2025, 4, day);

    [Fact]
    public void No_charge_accrues_at_a_rate_of_0()
    {
        Assert.Equal(0m, LateCharge.Accrued(Amount, DueOn, NoPayments, new DateOnly(2025, 12, 31), 0m));
    }

    [Fact]
    public void Nothing_accrues_on_the_due_day_or_before_it()
    {
        Assert.Equal(0m, LateCharge.Accrued(Amount, DueOn, NoPayments, DueOn, Rate));
        Assert.Equal(0m, LateCharge.Accrued(Amount, DueOn, NoPayments, DueOn.AddDays(-10), Rate));
    }

    [Fact]
    public void One_day_late_accrues_one_day_of_the_rate()
    {
        Assert.Equal(5.00m, LateCharge.Accrued(Amount, DueOn, NoPayments, April(1), Rate));
    }

    [Fact]
    public void A_partial_payment_lowers_the_charge_from_the_day_after_it_is_paid()
    {
        // 1-5 April on 10,000 (5 x 5.00: the day of payment still counts), then 6-10 April on 6,000 (5 x 3.00).
        var charge = LateCharge.Accrued(Amount, DueOn, [(April(5), 4_000m)], April(10), Rate);

        Assert.Equal(40.00m, charge);
        Assert.Equal(50.00m, LateCharge.Accrued(Amount, DueOn, NoPayments, April(10), Rate));
    }

    [Fact]
    public void Payments_after_the_as_of_date_are_ignored()
    {
        var charge = LateCharge.Accrued(Amount, DueOn, [(April(11), Amount)], April(10), Rate);

        Assert.Equal(50.00m, charge);
    }

    [Fact]
    public void A_full_payment_stops_the_charge()
    {
        var payments = new[] { (April(5), 6_000m), (April(5), 4_000m) };

        Assert.Equal(25.00m, LateCharge.Accrued(Amount, DueOn, payments, new DateOnly(2025, 12, 31), Rate));
        Assert.Equal(25.00m, LateCharge.Accrued(Amount, DueOn, [(April(5), 12_000m)], new DateOnly(2025, 12, 31), Rate));
    }

    [Fact]
    public void Paying_on_the_due_day_is_on_time_and_earlier_payments_count()
    {
        Assert.Equal(0m, LateCharge.Accrued(Amount, DueOn, [(DueOn, Amount)], April(30), Rate));
        Assert.Equal(15.00m, LateCharge.Accrued(Amount, DueOn, [(DueOn.AddDays(-5), 7_000m)], April(10), Rate));
    }

    [Fact]
    public void A_leap_year_of_lateness_is_summed_exactly_and_rounded_once()
    {
        // 123,456.78 x 0.0003 = 37.037034 a day, for the 366 days 2024-02-29 .. 2025-02-28: 13,555.554444.
        // Rounding each day's charge first (37.04 x 366) would give 13,556.64.
        var charge = LateCharge.Accrued(123_456.78m, new DateOnly(2024, 2, 28), NoPayments, new DateOnly(2025, 2, 28), 0.0003m);

        Assert.Equal(13_555.55m, charge);
    }

    [Fact]
    public void A_long_period_with_two_payments_matches_the_hand_computed_charge()
    {
        // 500,000 due 2025-01-15 at 0.05% a day (250.00 a day on the whole):
        //   16 Jan .. 1 Mar (200,000 paid that day, which still counts), 45 days on 500,000 -> 45 x 250.00 = 11,250.00
        //   2 Mar .. 30 Jun (300,000 paid that day), 121 days on 300,000 -> 121 x 150.00 = 18,150.00
        //   1 Jul onwards: nothing
        var payments = new[] { (new DateOnly(2025, 6, 30), 300_000m), (new DateOnly(2025, 3, 1), 200_000m) };

        var charge = LateCharge.Accrued(500_000m, new DateOnly(2025, 1, 15), payments, new DateOnly(2025, 12, 31), Rate);

        Assert.Equal(29_400.00m, charge);
    }

    [Fact]
    public void Days_late_count_whole_days_after_the_due_day()
    {
        Assert.Equal(0, LateCharge.DaysLate(DueOn, DueOn));
        Assert.Equal(0, LateCharge.DaysLate(DueOn, DueOn.AddDays(-3)));
        Assert.Equal(1, LateCharge.DaysLate(DueOn, April(1)));
        Assert.Equal(366, LateCharge.DaysLate(new DateOnly(2024, 2, 28), new DateOnly(2025, 2, 28)));
    }

    [Fact]
    public void A_negative_rate_is_a_configuration_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LateCharge.Accrued(Amount, DueOn, NoPayments, April(1), -Rate));
    }
}
