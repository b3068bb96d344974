namespace MiningRights.Paging;

/// <summary>
/// One page of a list in a stable order. <see cref="Next"/> is the cursor of the following page (null on the last):
/// pages stay stable when rows are inserted meanwhile, and no page counts the whole table.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
