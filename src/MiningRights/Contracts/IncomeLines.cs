using MiningRights.Notifications;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// What every notice about a payment of transfer income states, as of the day it is written: the contract and
/// installment, the amount due, paid and still owed, and the late charge accrued where the province sets one (CN-LATEFEE).
/// </summary>
public static class IncomeLines
{
    public static IReadOnlyList<NoticeLine> For(IncomeInstallment installment, TransferContract contract, IReadOnlyList<IncomePayment> payments, DateOnly today, decimal lateFeeDailyRate)
    {
        var lines = new List<NoticeLine>
        {
            new("出让合同", "Transfer contract", $"{contract.Number} 第{installment.Sequence}期", $"{contract.Number}, installment {installment.Sequence}"),
        };
        if (installment.RevenueYear is { } year)
        {
            lines.Add(new("收益率", "Rate", $"{contract.RatePercent:0.####}%（{year}年度销售收入）", $"{contract.RatePercent:0.####}% of {year} sales revenue"));
            lines.Add(installment.Revenue is { } revenue
                ? new("已申报销售收入", "Sales revenue declared", Yuan.Zh(revenue), Yuan.En(revenue))
                : new("已申报销售收入", "Sales revenue declared", "尚未申报", "not declared yet"));
        }

        if (installment.Amount is not { } amount)
        {
            return lines;
        }

        var outstanding = amount - installment.PaidAmount;
        lines.Add(new("应缴金额", "Amount due", Yuan.Zh(amount), Yuan.En(amount)));
        lines.Add(new("已缴金额", "Paid so far", Yuan.Zh(installment.PaidAmount), Yuan.En(installment.PaidAmount)));
        lines.Add(new("尚欠金额", "Still owed", Yuan.Zh(outstanding), Yuan.En(outstanding)));
        if (lateFeeDailyRate > 0 && today > installment.DueOn)
        {
            var charge = LateCharge.Accrued(amount, installment.DueOn, payments.Select(p => (p.PaidOn, p.Amount)).ToList(), today, lateFeeDailyRate);
            var days = LateCharge.DaysLate(installment.DueOn, installment.PaidOn ?? today);
            lines.Add(new("滞纳金（CN-LATEFEE）", "Late charge (CN-LATEFEE)",
                $"{Yuan.Zh(charge)}（按日 {lateFeeDailyRate * 100:0.####}%，逾期 {days} 天，截至 {today:yyyy-MM-dd}）",
                $"{Yuan.En(charge)} ({lateFeeDailyRate * 100:0.####}% a day, {days} days late, as of {today:yyyy-MM-dd})"));
        }

        return lines;
    }
}
