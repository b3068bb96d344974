using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Listing;
using MiningRights.Policies;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>A block under contract by amount: its notices state the first installment (due, paid, owed, late charge) as of today.</summary>
public sealed class BlockIncomeLines(TimeProvider time, PolicyBook policies) : ISubjectLines
{
    public string Kind => BlockSubjectKind.Kind;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<NoticeLine>>> LinesAsync(MiningRightsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.BlockId != null && ids.Contains(c.BlockId.Value) && c.Collection == IncomeCollection.Amount && c.VoidedAtUtc == null)
            .ToDictionaryAsync(c => c.BlockId!.Value, ct);
        if (contracts.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<NoticeLine>>();
        }

        var contractIds = contracts.Values.Select(c => c.Id).ToList();
        var firsts = await db.Installments.AsNoTracking().Where(i => contractIds.Contains(i.ContractId) && i.Sequence == 1)
            .ToDictionaryAsync(i => i.ContractId, ct);
        var firstIds = firsts.Values.Select(i => i.Id).ToList();
        var blocks = await db.Blocks.AsNoTracking().Where(b => contracts.Keys.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.CountyCode, ct);
        var payments = (await db.Payments.AsNoTracking().Where(p => firstIds.Contains(p.InstallmentId)).ToListAsync(ct)).ToLookup(p => p.InstallmentId);
        return contracts
            .Where(c => firsts.ContainsKey(c.Value.Id) && blocks.ContainsKey(c.Key))
            .ToDictionary(c => c.Key, c => For(blocks[c.Key], c.Value, firsts[c.Value.Id], payments[firsts[c.Value.Id].Id].ToList()));
    }

    /// <summary>The lines of a block in <paramref name="countyCode"/> under <paramref name="contract"/>, as of today.</summary>
    public IReadOnlyList<NoticeLine> For(string countyCode, TransferContract contract, IncomeInstallment first, IReadOnlyList<IncomePayment> payments)
    {
        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        return IncomeLines.For(first, contract, payments, today, policies.Parameters(countyCode, today).LateFeeDailyRate);
    }
}
