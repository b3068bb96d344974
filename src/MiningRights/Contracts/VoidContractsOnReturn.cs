using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Listing;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>A contract signed for a transfer that did not go through is kept, voided, with what was paid on it.</summary>
public sealed class VoidContractsOnReturn(MiningRightsDbContext db) : IProcessTrigger<BlockReturnedToPool>
{
    public async Task<string?> OnAsync(BlockReturnedToPool happened, CancellationToken ct)
    {
        foreach (var contract in await db.Contracts.Where(c => c.BlockId == happened.Block.Id && c.VoidedAtUtc == null).ToListAsync(ct))
        {
            contract.VoidedAtUtc = happened.NowUtc;
            contract.Version++;
        }

        return null;
    }
}
