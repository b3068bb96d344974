using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;

namespace MiningRights.Contracts;

/// <summary>
/// By rate (ZJ-27a): the holder (or the authority for it) declares a year's sales revenue of mineral products; the
/// amount due is revenue × rate, rounded to the fen. The declaration and the payment are due by the parameter day.
/// </summary>
public sealed class DeclareRevenue(MiningRightsDbContext db, ContractAccess contracts, RecordPayment payments, IncomeRules incomeRules, TimeProvider time)
{
    public sealed record Request(int? Year, decimal? Revenue);

    public async Task<IncomeInstallment> HandleAsync(Guid contractId, Request request, Actor user, CancellationToken ct)
    {
        // The holder declares its own; an officer only for a contract its authority signed (seeing is not deciding).
        var contract = user.IsHolder ? await contracts.GetAsync(user, contractId, ct) : await contracts.ForAuthorityAsync(user, contractId, ct);

        if (contract.Collection != IncomeCollection.Rate || contract.RatePercent is not { } rate)
        {
            throw RefusalException.ByRule(await incomeRules.IdAsync(contract, ct), $"Contract {contract.Number} collects its income by amount; there is no revenue to declare.",
                detailZh: $"合同 {contract.Number} 按金额征收出让收益，无需申报销售收入。");
        }

        if (request.Revenue is not (>= 0 and <= Yuan.Largest))
        {
            throw RefusalException.Invalid("revenue", "The year's sales revenue is required: 0 or more yuan, at most a trillion.", "必须填写该年度的销售收入：不少于 0 元，最多一万亿元。");
        }

        var installment = await db.Installments.SingleOrDefaultAsync(i => i.ContractId == contract.Id && i.RevenueYear == request.Year, ct)
            ?? throw RefusalException.Invalid("year", $"Contract {contract.Number} has no declaration for the year {request.Year}.", $"合同 {contract.Number} 没有 {request.Year} 年度的申报项。");
        if (installment.Revenue is not null)
        {
            throw RefusalException.Conflict($"The sales revenue for {request.Year} was declared already ({Yuan.En(installment.Revenue.Value)}).",
                $"{request.Year} 年度的销售收入已经申报（{Yuan.Zh(installment.Revenue.Value)}）。");
        }

        var amount = IncomeSchedule.DueByRate(request.Revenue.Value, rate);
        var now = time.GetUtcNow();
        installment.Revenue = request.Revenue;
        installment.Amount = amount;
        installment.DeclaredOn = Time.ProvinceCalendar.China.DateAt(now);
        installment.Version++;
        if (amount == 0)
        {
            installment.PaidOn = installment.DeclaredOn;
            // Nothing is owed on no revenue: the duty is settled by the service on the holder's declaration.
            await payments.SignalSettledAsync(contract, installment, Accounts.Actor.System($"zero revenue declared by {user.Name}"), ct);
        }

        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now.UtcDateTime,
            Actor = user.Name,
            Action = "income.declared",
            DossierId = contract.RightId,
            RuleId = await incomeRules.IdAsync(contract, ct),
            Detail = $"Contract {contract.Number}: sales revenue {Yuan.En(request.Revenue.Value)} declared for {request.Year}; at {rate}% the transfer income due is {Yuan.En(amount)}, by {installment.DueOn:yyyy-MM-dd}. 申报销售收入。",
        });
        await db.SaveChangesAsync(ct);
        return installment;
    }
}
