using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Listing;
using MiningRights.Policies;
using MiningRights.Rights;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// One payment of transfer income as a workflow subject. Its notices name the right and the installment and state, as
/// of the day they are written, what is due, what is paid, what is left and the late charge accrued (CN-LATEFEE).
/// </summary>
public sealed class InstallmentSubjectKind(TimeProvider time, PolicyBook policies) : ISubjectKind
{
    public const string Kind = "installment";

    public string Name => Kind;

    public async Task<IReadOnlyList<Subject>> LoadAsync(MiningRightsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Installments.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Join(db.Contracts, i => i.ContractId, c => c.Id, (i, c) => new { Installment = i, Contract = c })
            .Join(db.Blocks, x => x.Contract.BlockId, b => b.Id, (x, b) => new { x.Installment, x.Contract, Block = b })
            .Join(db.Holders, x => x.Contract.HolderId, h => h.Id, (x, h) => new { x.Installment, x.Contract, x.Block, HolderName = h.NameZh + " (" + h.NameEn + ")" })
            .ToListAsync(cancellationToken);
        var rightIds = rows.Select(r => r.Contract.RightId).OfType<Guid>().Distinct().ToList();
        var numbers = await db.Rights.AsNoTracking().Where(r => rightIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.LicenseNumber, cancellationToken);
        var installmentIds = rows.Select(r => r.Installment.Id).ToList();
        var payments = (await db.Payments.AsNoTracking().Where(p => installmentIds.Contains(p.InstallmentId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.InstallmentId);
        return rows.Select(r => Describe(r.Installment, r.Contract, r.Block.Scope, r.HolderName,
            r.Contract.RightId is { } right ? numbers.GetValueOrDefault(right) : null, payments[r.Installment.Id].ToList())).ToList();
    }

    /// <summary>The installment as a subject: where and what its right (or block) is, so that the province's income rule is cited only where it applies.</summary>
    public Subject Describe(IncomeInstallment installment, TransferContract contract, RuleSubject scope, string holderName, string? licenseNumber, IReadOnlyList<IncomePayment> payments)
    {
        var today = ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var lines = IncomeLines.For(installment, contract, payments, today, policies.Parameters(scope.JurisdictionCode, today).LateFeeDailyRate);
        return new Subject
        {
            Kind = Kind,
            Id = installment.Id,
            Label = licenseNumber ?? contract.Number,
            Detail = installment.RevenueYear is { } y ? $"{y}年度出让收益 / transfer income for {y}" : $"第{installment.Sequence}期出让收益 / installment {installment.Sequence}",
            HolderId = contract.HolderId,
            HolderName = holderName,
            JurisdictionCode = scope.JurisdictionCode,
            AuthorityCode = contract.AuthorityCode,
            DossierId = contract.RightId,
            AnchorDate = contract.SignedOn,
            Lines = lines,
            Scope = scope,
        };
    }
}
