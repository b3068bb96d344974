using System.Globalization;

namespace MiningRights.Contracts;

/// <summary>
/// Transfer income (出让收益) as a contract fixes it: by amount in installments or by rate on sales revenue. A province's
/// rule may set the least first installment (ZJ-27b: 10% in Zhejiang); without one, the contract's schedule stands.
/// </summary>
public static class IncomeSchedule
{
    // More installments than this is a mistake in the request, not a payment plan.
    private const int MaxInstallments = 100;

    // Far above any real contract, and low enough that 100 installments summed, or an amount times 100, stay
    // inside decimal's range: the checks below can then never overflow into a 500.
    private const decimal LargestAmount = 100_000_000_000_000_000_000_000_000m;

    public static IReadOnlyList<ScheduledInstallment> Check(decimal? totalIncome, IReadOnlyList<(DateOnly? DueOn, decimal? Amount)>? installments,
        string basisRule, decimal? minimumFirstPercent, DateOnly signedOn)
    {

        var total = CheckAmount(totalIncome, "totalIncome", "The transfer income", "出让收益");

        if (installments is null || installments.Count == 0)
        {
            throw RefusalException.Invalid("installments", "At least one installment is required.", "至少须有一期分期缴款。");
        }

        if (installments.Count > MaxInstallments)
        {
            throw RefusalException.Invalid("installments", $"At most {MaxInstallments} installments are allowed; {installments.Count} were given.",
                $"最多允许 {MaxInstallments} 期；实际填写了 {installments.Count} 期。");
        }

        var schedule = new List<ScheduledInstallment>(installments.Count);
        for (var i = 0; i < installments.Count; i++)
        {
            var (dueOn, amount) = installments[i];
            var what = $"Installment {i + 1}";
            var whatZh = $"第 {i + 1} 期款";
            if (dueOn is not { } due)
            {
                throw RefusalException.Invalid($"installments[{i}].dueOn", $"{what} has no due date.", $"{whatZh}没有到期日。");
            }

            schedule.Add(new ScheduledInstallment(i + 1, due, CheckAmount(amount, $"installments[{i}].amount", what, whatZh)));
        }

        if (minimumFirstPercent is { } minimum)
        {
            CheckFirstMinimum(schedule[0].Amount, total, basisRule, minimum);
        }

        CheckSum(schedule, total, basisRule);
        CheckDates(schedule, signedOn, basisRule);
        return schedule;
    }

    public static decimal DueByRate(decimal revenue, decimal ratePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratePercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ratePercent, 100m);

        if (revenue < 0m)
        {
            throw RefusalException.Invalid("revenue", "The sales revenue cannot be negative.", "销售收入不能为负数。");
        }

        if (!Yuan.IsCents(revenue))
        {
            throw RefusalException.Invalid("revenue", $"The sales revenue {Raw(revenue)} has more than two decimals; amounts are in yuan and fen.",
                $"销售收入 {Raw(revenue)} 的小数超过两位；金额以元、分计。");
        }

        if (revenue > LargestAmount)
        {
            throw RefusalException.Invalid("revenue", "The sales revenue is larger than the service can compute with.", "销售收入超出本系统可计算的范围。");
        }

        return Yuan.Round(revenue * ratePercent / 100m);
    }

    private static decimal CheckAmount(decimal? value, string field, string what, string whatZh)
    {
        if (value is not { } amount)
        {
            throw RefusalException.Invalid(field, $"{what} has no amount.", $"{whatZh}没有金额。");
        }

        if (amount <= 0m)
        {
            throw RefusalException.Invalid(field, $"{what} must be more than 0 yuan.", $"{whatZh}必须大于 0 元。");
        }

        if (!Yuan.IsCents(amount))
        {
            throw RefusalException.Invalid(field, $"{what} {Raw(amount)} has more than two decimals; amounts are in yuan and fen.", $"{whatZh} {Raw(amount)} 的小数超过两位；金额以元、分计。");
        }

        if (amount > LargestAmount)
        {
            throw RefusalException.Invalid(field, $"{what} is larger than the service can compute with.", $"{whatZh}超出本系统可计算的范围。");
        }

        return amount;
    }

    private static void CheckFirstMinimum(decimal first, decimal total, string byAmountRule, decimal minimumPercent)
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

        throw RefusalException.ByRule(byAmountRule,
            $"The first installment {Yuan.Format(first)} yuan is {percent.ToString("0.00", CultureInfo.InvariantCulture)}% of the transfer income " +
            $"{Yuan.Format(total)} yuan; {byAmountRule} requires at least {minimumPercent.ToString("0.##########", CultureInfo.InvariantCulture)}% " +
            $"({Yuan.Format(least)} yuan).",
            "installments[0].amount",
            detailZh: $"首期款 {Yuan.Format(first)} 元占出让收益 {Yuan.Format(total)} 元的 {percent.ToString("0.00", CultureInfo.InvariantCulture)}%；" +
            $"{byAmountRule} 要求首期款至少为 {minimumPercent.ToString("0.##########", CultureInfo.InvariantCulture)}%（{Yuan.Format(least)} 元）。");
    }

    private static void CheckSum(List<ScheduledInstallment> schedule, decimal total, string byAmountRule)
    {
        var sum = schedule.Sum(installment => installment.Amount);
        if (sum == total)
        {
            return;
        }

        var gap = sum < total ? $"{Yuan.Format(total - sum)} yuan short" : $"{Yuan.Format(sum - total)} yuan over";
        var gapZh = sum < total ? $"尚差 {Yuan.Format(total - sum)} 元" : $"超出 {Yuan.Format(sum - total)} 元";
        throw RefusalException.ByRule(byAmountRule,
            $"The installments add up to {Yuan.Format(sum)} yuan but the transfer income is {Yuan.Format(total)} yuan: {gap}.",
            "installments",
            detailZh: $"各期金额合计 {Yuan.Format(sum)} 元，而出让收益为 {Yuan.Format(total)} 元：{gapZh}。");
    }

    private static void CheckDates(List<ScheduledInstallment> schedule, DateOnly signedOn, string byAmountRule)
    {
        for (var i = 1; i < schedule.Count; i++)
        {
            var (previous, current) = (schedule[i - 1], schedule[i]);
            if (current.DueOn <= previous.DueOn)
            {
                throw RefusalException.ByRule(byAmountRule,
                    $"Installment {current.Sequence} is due on {Date(current.DueOn)}, not after installment {previous.Sequence} " +
                    $"due on {Date(previous.DueOn)}; due dates must be strictly ascending.",
                    $"installments[{i}].dueOn",
                    detailZh: $"第 {current.Sequence} 期的到期日为 {Date(current.DueOn)}，未晚于第 {previous.Sequence} 期的到期日 {Date(previous.DueOn)}；各期到期日必须严格递增。");
            }
        }

        if (schedule[0].DueOn < signedOn)
        {
            throw RefusalException.ByRule(byAmountRule,
                $"The first installment is due on {Date(schedule[0].DueOn)}, before the contract was signed on {Date(signedOn)}.",
                "installments[0].dueOn",
                detailZh: $"首期款的到期日 {Date(schedule[0].DueOn)} 早于合同签订日 {Date(signedOn)}。");
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Echoed as sent (no rounding), so the holder sees the digits that were refused.
    private static string Raw(decimal amount) => Text.Cut(amount.ToString(CultureInfo.InvariantCulture));
}
