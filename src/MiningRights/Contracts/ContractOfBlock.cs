using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Listing;

namespace MiningRights.Contracts;

public sealed class ContractOfBlock(MiningRightsDbContext db) : IContractOfBlock
{
    public Task<Guid?> ContractOfAsync(Guid blockId, CancellationToken ct) =>
        db.Contracts.AsNoTracking().Where(c => c.BlockId == blockId && c.VoidedAtUtc == null).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
}
