namespace MiningRights.Contracts;

/// <summary>The daily late charge (滞纳金) on transfer income paid late (CN-LATEFEE).</summary>
public static class LateCharge
{
    public static decimal Accrued(decimal amount, DateOnly dueOn, IReadOnlyList<(DateOnly PaidOn, decimal Amount)> payments, DateOnly asOf, decimal dailyRate)
    {
        // Amounts and the rate come from a checked schedule and the province parameters, never straight from a request.
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfNegative(dailyRate);
        if (payments.Any(payment => payment.Amount < 0m))
        {
            throw new ArgumentException("A payment cannot be negative.", nameof(payments));
        }

        if (dailyRate == 0m || asOf <= dueOn)
        {
            return 0m;
        }

        // The day of a payment still counts as late (滞纳金 runs up to and including the day it is paid): a payment
        // lowers the balance from the next day on.
        var counted = payments.Where(payment => payment.PaidOn <= asOf).OrderBy(payment => payment.PaidOn).ToList();

        // The balance changes only on payment days, so the sum runs over stretches of equal balance rather than
        // over every day: the result is the same sum of balance x days, and a span of decades costs nothing.
        var balanceDays = 0m;
        var paid = 0m;
        var next = 0;
        var day = dueOn.DayNumber + 1;
        var lastDay = asOf.DayNumber;
        while (day <= lastDay)
        {
            while (next < counted.Count && counted[next].PaidOn.DayNumber < day)
            {
                paid += counted[next].Amount;
                next++;
            }

            var balance = amount - paid;
            if (balance <= 0m)
            {
                // Payments are never negative, so a settled balance stays settled.
                break;
            }

            var stretchEnd = next < counted.Count ? Math.Min(counted[next].PaidOn.DayNumber + 1, lastDay + 1) : lastDay + 1;
            balanceDays += balance * (stretchEnd - day);
            day = stretchEnd;
        }

        // Rounded once: rounding each day's charge to the fen would drift by up to half a fen a day.
        return Yuan.Round(balanceDays * dailyRate);
    }

    public static int DaysLate(DateOnly dueOn, DateOnly asOf) => Math.Max(0, asOf.DayNumber - dueOn.DayNumber);
}
