using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Listing;
using MiningRights.Rights;

namespace MiningRights.Contracts;

/// <summary>
/// Who sees which contracts: the holder its own, officers those signed by an authority in their subtree or on a block
/// or right in it, administrators all; anything else is not found. Recording a payment or an amendment is for the signing
/// authority or above.
/// </summary>
public sealed class ContractAccess(MiningRightsDbContext db, Access access)
{
    public Task<IQueryable<TransferContract>> VisibleAsync(Actor user, CancellationToken ct) =>
        access.VisibleAsync(user, db.Contracts, holder => c => c.HolderId == holder,
            codes => c => codes.Contains(c.AuthorityCode)
                || db.Set<TransferBlock>().Any(b => b.Id == c.BlockId && codes.Contains(b.CountyCode))
                || db.Set<MiningRight>().Any(r => r.Id == c.RightId && codes.Contains(r.LocationCountyCode)), ct);

    public async Task<TransferContract> GetAsync(Actor user, Guid contractId, CancellationToken ct) =>
        await (await VisibleAsync(user, ct)).SingleOrDefaultAsync(c => c.Id == contractId, ct)
            ?? throw RefusalException.NotFound($"Contract {contractId}", $"出让合同 {contractId}");

    public async Task<TransferContract> ForAuthorityAsync(Actor user, Guid contractId, CancellationToken ct)
    {
        var contract = await GetAsync(user, contractId, ct);
        if (!await access.MayDecideAsync(user, contract.AuthorityCode, ct))
        {
            throw RefusalException.Forbidden($"Only officers of the signing authority ({contract.AuthorityCode}) or above record this on contract {contract.Number}.",
                $"仅签订合同的机关（{contract.AuthorityCode}）或其上级机关的工作人员可以在合同 {contract.Number} 上登记此事项。");
        }

        return contract;
    }
}
