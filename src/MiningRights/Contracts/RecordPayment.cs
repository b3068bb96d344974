using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Listing;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// The authority records a payment of transfer income received: amount, day, bank reference. Partial payments keep the
/// installment open; paying more than is owed is refused. Paid in full, the first installment lets the transfer go on
/// to registration, and a later one closes its own duty.
/// </summary>
public sealed class RecordPayment(
    MiningRightsDbContext db,
    ContractAccess contracts,
    WorkflowRuntime runtime,
    BlockIncomeLines incomeLines,
    InstallmentSubjectKind installmentSubjects,
    IncomeRules incomeRules,
    TimeProvider time)
{
    public const string FirstPaymentSignal = "confirmFirstPayment";
    public const string PaidSignal = "pay";

    public sealed record Request(int? Installment, decimal? Amount, DateOnly? PaidOn, string? Reference);

    public async Task<IncomePayment> HandleAsync(Guid contractId, Request request, Actor user, CancellationToken ct)
    {
        var contract = await contracts.ForAuthorityAsync(user, contractId, ct);
        if (contract.IsVoid)
        {
            throw RefusalException.Conflict($"Contract {contract.Number} was voided on {contract.VoidedAtUtc:yyyy-MM-dd}: no payment is taken on it.",
                $"合同 {contract.Number} 已于 {contract.VoidedAtUtc:yyyy-MM-dd} 作废，不再受理该合同的缴款。");
        }

        var installment = await db.Installments.SingleOrDefaultAsync(i => i.ContractId == contract.Id && i.Sequence == request.Installment, ct)
            ?? throw RefusalException.Invalid("installment", $"Contract {contract.Number} has no installment {request.Installment}.", $"合同 {contract.Number} 没有第 {request.Installment} 期。");
        if (!Yuan.IsPayable(request.Amount))
        {
            throw RefusalException.Invalid("amount", "The amount paid is required: more than 0 yuan, in fen at most (two decimals).", "必须填写缴款金额：大于 0 元，最多精确到分（两位小数）。");
        }

        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var paidOn = request.PaidOn ?? today;
        if (paidOn > today || paidOn < contract.SignedOn)
        {
            throw RefusalException.Invalid("paidOn", $"The payment day is between the signing of the contract ({contract.SignedOn:yyyy-MM-dd}) and today.",
                $"缴款日期应在合同签订日（{contract.SignedOn:yyyy-MM-dd}）至今天之间。");
        }

        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Length > 100)
        {
            throw RefusalException.Invalid("reference", "The payment's bank or treasury reference is required (at most 100 characters).", "必须填写缴款的银行或国库凭证号（最多 100 个字符）。");
        }

        if (installment.Outstanding is not { } outstanding)
        {
            throw RefusalException.Conflict($"The transfer income for {installment.RevenueYear} has not been declared yet: the amount due is not known.",
                $"{installment.RevenueYear} 年度的出让收益尚未申报：应缴金额尚不确定。");
        }

        var rule = await incomeRules.IdAsync(contract, ct);
        if (outstanding <= 0)
        {
            throw RefusalException.ByRule(rule, $"Installment {installment.Sequence} of contract {contract.Number} is paid in full already.", "amount",
                detailZh: $"合同 {contract.Number} 的第 {installment.Sequence} 期已全额缴清。");
        }

        if (request.Amount > outstanding)
        {
            throw RefusalException.ByRule(rule,
                $"The payment {Yuan.En(request.Amount.Value)} is more than the {Yuan.En(outstanding)} still owed on installment {installment.Sequence}: overpayment is refused.", "amount",
                detailZh: $"缴款金额超过应缴余额：本次缴款 {Yuan.Zh(request.Amount.Value)}，第 {installment.Sequence} 期尚欠 {Yuan.Zh(outstanding)}，不接受超额缴款。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var payment = new IncomePayment
        {
            ContractId = contract.Id,
            InstallmentId = installment.Id,
            Amount = request.Amount.Value,
            PaidOn = paidOn,
            Reference = request.Reference.Trim(),
            RecordedBy = user.Name,
            RecordedAtUtc = now,
        };
        db.Payments.Add(payment);
        installment.PaidAmount += payment.Amount;
        installment.Version++;

        // Registration starts a duty for each installment still owed and bumps the contract too: of a payment and a
        // registration at the same moment one commits and the other is a lost race, never a duty for a paid installment.
        contract.Version++;
        var settled = installment.PaidAmount == installment.Amount;
        if (settled)
        {
            installment.PaidOn = paidOn;
            await SignalSettledAsync(contract, installment, user, ct);
        }

        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = "income.payment",
            DossierId = contract.RightId,
            RuleId = rule,
            Detail = $"Contract {contract.Number}, installment {installment.Sequence}: {Yuan.En(payment.Amount)} paid {paidOn:yyyy-MM-dd} (ref {payment.Reference}); "
                + (settled ? "paid in full. 已缴清。" : $"{Yuan.En(installment.Amount!.Value - installment.PaidAmount)} still owed. 部分缴纳。"),
        });
        await db.SaveChangesAsync(ct);
        return payment;
    }

    /// <summary>An installment paid in full tells the workflow waiting for it: the transfer for the first, its own duty for the others.</summary>
    public async Task SignalSettledAsync(TransferContract contract, IncomeInstallment installment, Actor actor, CancellationToken ct)
    {
        var note = $"{contract.Number} installment {installment.Sequence} paid in full";

        // The notices this sends state the installment as it now is, this payment included.
        var block = await db.Blocks.AsNoTracking().SingleAsync(b => b.Id == contract.BlockId, ct);
        var holder = await db.Holders.AsNoTracking().SingleAsync(h => h.Id == contract.HolderId, ct);
        var holderName = $"{holder.NameZh} ({holder.NameEn})";
        var payments = (await db.Payments.AsNoTracking().Where(p => p.InstallmentId == installment.Id).ToListAsync(ct))
            .Concat(db.Payments.Local.Where(p => p.InstallmentId == installment.Id)).DistinctBy(p => p.Id).ToList();
        if (installment.Sequence == 1 && installment.RevenueYear is null)
        {
            runtime.Subjects.Remember(BlockSubjectKind.Describe(block, holderName) with { Lines = incomeLines.For(block.CountyCode, contract, installment, payments) });
            var transfer = await db.WorkflowInstances.SingleOrDefaultAsync(i => i.SubjectKind == BlockSubjectKind.Kind && i.SubjectId == contract.BlockId && !i.Finished, ct);
            if (transfer is not null)
            {
                await runtime.SignalAsync(transfer, FirstPaymentSignal, actor, note, ct);
            }

            return;
        }

        var licenseNumber = contract.RightId is { } rightId ? await db.Rights.AsNoTracking().Where(r => r.Id == rightId).Select(r => r.LicenseNumber).SingleAsync(ct) : null;
        runtime.Subjects.Remember(installmentSubjects.Describe(installment, contract, block.Scope, holderName, licenseNumber, payments));
        var duty = await db.WorkflowInstances.SingleOrDefaultAsync(i => i.SubjectKind == InstallmentSubjectKind.Kind && i.SubjectId == installment.Id && !i.Finished, ct);
        if (duty is not null)
        {
            await runtime.SignalAsync(duty, PaidSignal, actor, note, ct);
        }
    }
}
