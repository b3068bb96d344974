namespace MiningRights.Listing;

/// <summary>A block whose transfer did not go through is back in the pool (raised through <see cref="Workflows.ProcessTriggers"/>).</summary>
public sealed record BlockReturnedToPool(TransferBlock Block, DateTime NowUtc);
