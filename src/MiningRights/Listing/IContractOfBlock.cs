namespace MiningRights.Listing;

/// <summary>The contract signed for a block, if any, for the block's page; the contracts feature answers it.</summary>
public interface IContractOfBlock
{
    Task<Guid?> ContractOfAsync(Guid blockId, CancellationToken ct);
}
