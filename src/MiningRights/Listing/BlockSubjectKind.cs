using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Contracts;
using MiningRights.Data;
using MiningRights.Policies;
using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>
/// A transfer block as a workflow subject: no holder until a bidder wins it or an applicant asks for it; its county,
/// its transferring authority, its pool number; once registered, the right it became.
/// </summary>
public sealed class BlockSubjectKind(TimeProvider time, PolicyBook policies) : ISubjectKind
{
    public const string Kind = "block";

    public string Name => Kind;

    public async Task<IReadOnlyList<Subject>> LoadAsync(MiningRightsDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var blocks = await db.Blocks.AsNoTracking().Where(b => ids.Contains(b.Id)).ToListAsync(cancellationToken);
        var holderIds = blocks.Select(b => b.HolderId).OfType<Guid>().Distinct().ToList();
        var names = await db.Holders.AsNoTracking().Where(h => holderIds.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.NameZh + " (" + h.NameEn + ")", cancellationToken);

        // A block under contract by amount: its notices state the first installment (due, paid, owed, late charge).
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.BlockId != null && ids.Contains(c.BlockId.Value) && c.Collection == IncomeCollection.Amount && c.VoidedAtUtc == null)
            .ToDictionaryAsync(c => c.BlockId!.Value, cancellationToken);
        var contractIds = contracts.Values.Select(c => c.Id).ToList();
        var firsts = await db.Installments.AsNoTracking().Where(i => contractIds.Contains(i.ContractId) && i.Sequence == 1)
            .ToDictionaryAsync(i => i.ContractId, cancellationToken);
        var firstIds = firsts.Values.Select(i => i.Id).ToList();
        var payments = (await db.Payments.AsNoTracking().Where(p => firstIds.Contains(p.InstallmentId)).ToListAsync(cancellationToken)).ToLookup(p => p.InstallmentId);
        return blocks.Select(b =>
        {
            var name = b.HolderId is { } h ? names.GetValueOrDefault(h) : null;
            return contracts.TryGetValue(b.Id, out var contract) && firsts.TryGetValue(contract.Id, out var first)
                ? Describe(b, name, contract, first, payments[first.Id].ToList())
                : Describe(b, name);
        }).ToList();
    }

    /// <summary>The block under contract, its notices stating the first installment of transfer income as of today.</summary>
    public Subject Describe(TransferBlock block, string? holderName, TransferContract contract, IncomeInstallment first, IReadOnlyList<IncomePayment> payments) =>
        Describe(block, holderName) with
        {
            Lines = IncomeLines.For(first, contract, payments, Time.ProvinceCalendar.China.DateAt(time.GetUtcNow()),
                policies.Parameters(block.CountyCode, Time.ProvinceCalendar.China.DateAt(time.GetUtcNow())).LateFeeDailyRate),
        };

    public static Subject Describe(TransferBlock block, string? holderName) => new()
    {
        Kind = Kind,
        Id = block.Id,
        Label = block.Code,
        Detail = block.Name,
        HolderId = block.HolderId,
        HolderName = holderName ?? string.Empty,
        JurisdictionCode = block.CountyCode,
        AuthorityCode = block.AuthorityCode,
        RightId = block.RightId,
        AnchorDate = Time.ProvinceCalendar.China.DateAt(new DateTimeOffset(block.CreatedAtUtc, TimeSpan.Zero)),
        Scope = block.Scope,
    };
}
