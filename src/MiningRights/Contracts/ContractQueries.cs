using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Listing;
using MiningRights.Policies;
using MiningRights.Rights;

namespace MiningRights.Contracts;

/// <summary>Contracts as their holder and officers see them: everything about the money, to the fen, as of today.</summary>
public sealed class ContractQueries(MiningRightsDbContext db, ContractAccess access, PolicyBook policies, TimeProvider time)
{
    /// <summary>The contract in force for a right the user sees, if the right has one.</summary>
    public async Task<ContractView?> OfRightAsync(Actor user, Guid rightId, CancellationToken ct) =>
        await (await access.VisibleAsync(user, ct)).AsNoTracking().Where(c => c.RightId == rightId && c.VoidedAtUtc == null)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct) is { } id ? await GetAsync(user, id, ct) : null;

    public async Task<ContractView> GetAsync(Actor user, Guid id, CancellationToken ct)
    {
        var contract = await (await access.VisibleAsync(user, ct)).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw RefusalException.NotFound($"Contract {id}", $"出让合同 {id}");
        var county = contract.BlockId is { } block
            ? await db.Blocks.AsNoTracking().Where(b => b.Id == block).Select(b => b.CountyCode).SingleAsync(ct)
            : await db.Rights.AsNoTracking().Where(r => r.Id == contract.RightId).Select(r => r.LocationCountyCode).SingleAsync(ct);
        var clauses = await db.ContractClauses.AsNoTracking().Where(c => c.ContractId == id).OrderBy(c => c.Number).ToListAsync(ct);
        var installments = await db.Installments.AsNoTracking().Where(i => i.ContractId == id).OrderBy(i => i.Sequence).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking().Where(p => p.ContractId == id).OrderBy(p => p.PaidOn).ThenBy(p => p.RecordedAtUtc).ToListAsync(ct);
        var amendments = await db.Amendments.AsNoTracking().Where(a => a.ContractId == id).OrderBy(a => a.Sequence).ToListAsync(ct);
        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var rate = policies.Parameters(county, today).LateFeeDailyRate;
        var views = installments.Select(i =>
        {
            var paid = payments.Where(p => p.InstallmentId == i.Id).Select(p => (p.PaidOn, p.Amount)).ToList();
            var late = i.Amount is { } amount && i.PaidOn is null ? LateCharge.DaysLate(i.DueOn, today) : i.PaidOn is { } on ? LateCharge.DaysLate(i.DueOn, on) : 0;
            var charge = i.Amount is { } due ? LateCharge.Accrued(due, i.DueOn, paid, today, rate) : 0m;
            return new InstallmentView(i.Sequence, i.DueOn, i.RevenueYear, i.Revenue, i.Amount, i.PaidAmount, i.Outstanding, i.PaidOn, late, charge, today);
        }).ToList();
        return new ContractView(contract.Id, contract.Number, contract.BlockId, contract.HolderId, contract.AuthorityCode, contract.SignedOn,
            contract.Collection, contract.TotalIncome, $"{Yuan.Zh(contract.TotalIncome)} / {Yuan.En(contract.TotalIncome)}", contract.RatePercent, contract.RightId,
            clauses, views, payments, amendments);
    }
}
