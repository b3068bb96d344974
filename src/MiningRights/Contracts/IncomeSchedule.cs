using System.Globalization;

namespace MiningRights.Contracts;

/// <summary>Transfer income (出让收益) as a contract fixes it: by amount in installments (ZJ-27b) or by rate on sales revenue (ZJ-27a).</summary>
public static class IncomeSchedule
{
    // More installments than this is a mistake in the request, not a payment plan.
    private const int MaxInstallments = 100;

    private const string ByAmountRule = "ZJ-27b";

    // Far above any real contract, and low enough that 100 installments summed, or an amount times 100, stay
    // inside decimal's range: the checks below can then never overflow into a 500.
    private const decimal LargestAmount = 100_000_000_000_000_000_000_000_000m;

    public static IReadOnlyList<ScheduledInstallment> Check(decimal? totalIncome, IReadOnlyList<(DateOnly? DueOn, decimal? Amount)>? installments,
        decimal minimumFirstPercent, DateOnly signedOn)
    {
        // The minimum is a province parameter, not user input: a value outside 0..100 is a configuration error.
        ArgumentOutOfRangeException.ThrowIfNegative(minimumFirstPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumFirstPercent, 100m);

        var total = CheckAmount(totalIncome, "totalIncome", "The transfer income");

        if (installments is null || installments.Count == 0)
        {
            throw RefusalException.Invalid("installments", "At least one installment is required.");
        }

        if (installments.Count > MaxInstallments)
        {
            throw RefusalException.Invalid("installments", $"At most {MaxInstallments} installments are allowed; {installments.Count} were given.");
        }

        var schedule = new List<ScheduledInstallment>(installments.Count);
        for (var i = 0; i < installments.Count; i++)
        {
            var (dueOn, amount) = installments[i];
            var what = $"Installment {i + 1}";
            if (dueOn is not { } due)
            {
                throw RefusalException.Invalid($"installments[{i}].dueOn", $"{what} has no due date.");
            }

            schedule.Add(new ScheduledInstallment(i + 1, due, CheckAmount(amount, $"installments[{i}].amount", what)));
        }

        CheckFirstMinimum(schedule[0].Amount, total, minimumFirstPercent);
        CheckSum(schedule, total);
        CheckDates(schedule, signedOn);
        return schedule;
    }

    public static decimal DueByRate(decimal revenue, decimal ratePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratePercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ratePercent, 100m);

        if (revenue < 0m)
        {
            throw RefusalException.Invalid("revenue", "The sales revenue cannot be negative.");
        }

        if (!Yuan.IsCents(revenue))
        {
            throw RefusalException.Invalid("revenue", $"The sales revenue {Raw(revenue)} has more than two decimals; amounts are in yuan and fen.");
        }

        if (revenue > LargestAmount)
        {
            throw RefusalException.Invalid("revenue", "The sales revenue is larger than the service can compute with.");
        }

        return Yuan.Round(revenue * ratePercent / 100m);
    }

    private static decimal CheckAmount(decimal? value, string field, string what)
    {
        if (value is not { } amount)
        {
            throw RefusalException.Invalid(field, $"{what} has no amount.");
        }

        if (amount <= 0m)
        {
            throw RefusalException.Invalid(field, $"{what} must be more than 0 yuan.");
        }

        if (!Yuan.IsCents(amount))
        {
            throw RefusalException.Invalid(field, $"{what} {Raw(amount)} has more than two decimals; amounts are in yuan and fen.");
        }

        if (amount > LargestAmount)
        {
            throw RefusalException.Invalid(field, $"{what} is larger than the service can compute with.");
        }

        return amount;
    }

    private static void CheckFirstMinimum(decimal first, decimal total, decimal minimumPercent)
    {
        // Multiplied out rather than divided, so that no rounding can let 9.999...% pass as 10%.
        if (first * 100m >= total * minimumPercent)
        {
            return;
        }

        // Cut towards zero: rounded to nearest, 9.999% would be shown as "10.00%" in a refusal for being under 10%.
        var percent = Math.Round(first * 100m / total, 2, MidpointRounding.ToZero);

        // Up to the next fen: the least amount a holder can actually pay that meets the minimum.
        var least = Math.Round(total * minimumPercent / 100m, 2, MidpointRounding.ToPositiveInfinity);

        throw RefusalException.ByRule(ByAmountRule,
            $"The first installment {Yuan.Format(first)} yuan is {percent.ToString("0.00", CultureInfo.InvariantCulture)}% of the transfer income " +
            $"{Yuan.Format(total)} yuan; {ByAmountRule} requires at least {minimumPercent.ToString("0.##########", CultureInfo.InvariantCulture)}% " +
            $"({Yuan.Format(least)} yuan).",
            "installments[0].amount");
    }

    private static void CheckSum(List<ScheduledInstallment> schedule, decimal total)
    {
        var sum = schedule.Sum(installment => installment.Amount);
        if (sum == total)
        {
            return;
        }

        var gap = sum < total ? $"{Yuan.Format(total - sum)} yuan short" : $"{Yuan.Format(sum - total)} yuan over";
        throw RefusalException.ByRule(ByAmountRule,
            $"The installments add up to {Yuan.Format(sum)} yuan but the transfer income is {Yuan.Format(total)} yuan: {gap}.",
            "installments");
    }

    private static void CheckDates(List<ScheduledInstallment> schedule, DateOnly signedOn)
    {
        for (var i = 1; i < schedule.Count; i++)
        {
            var (previous, current) = (schedule[i - 1], schedule[i]);
            if (current.DueOn <= previous.DueOn)
            {
                throw RefusalException.ByRule(ByAmountRule,
                    $"Installment {current.Sequence} is due on {Date(current.DueOn)}, not after installment {previous.Sequence} " +
                    $"due on {Date(previous.DueOn)}; due dates must be strictly ascending.",
                    $"installments[{i}].dueOn");
            }
        }

        if (schedule[0].DueOn < signedOn)
        {
            throw RefusalException.ByRule(ByAmountRule,
                $"The first installment is due on {Date(schedule[0].DueOn)}, before the contract was signed on {Date(signedOn)}.",
                "installments[0].dueOn");
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Echoed as sent (no rounding), so the holder sees the digits that were refused.
    private static string Raw(decimal amount) => Text.Cut(amount.ToString(CultureInfo.InvariantCulture));
}
