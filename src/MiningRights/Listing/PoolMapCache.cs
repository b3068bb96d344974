using Microsoft.Extensions.Caching.Memory;

namespace MiningRights.Listing;

/// <summary>
/// The pool map's GeoJSON as written, by the key of what it shows (<see cref="ListingQueries.PoolMapFeaturesAsync"/>).
/// A key names one content for good, so an entry is never stale; the cache only bounds how many are kept.
/// </summary>
public sealed class PoolMapCache : IDisposable
{
    // A map at the cap of blocks and corners is a few megabytes: room for a dozen different views of the pool.
    private const long MaxBytes = 64L * 1024 * 1024;

    private readonly MemoryCache maps = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    public bool TryGet(string key, out byte[] json) => maps.TryGetValue(key, out json!);

    public void Add(string key, byte[] json) =>
        maps.Set(key, json, new MemoryCacheEntryOptions { Size = json.Length, SlidingExpiration = TimeSpan.FromHours(1) });

    public void Dispose() => maps.Dispose();
}
