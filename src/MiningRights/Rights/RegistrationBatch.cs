using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Ground;
using MiningRights.Listing;

namespace MiningRights.Rights;

/// <summary>
/// What registration checks a request against beyond its own fields, read once for a batch of registrations in one
/// unit of work: the holders the requests name, the licence numbers already registered among theirs, and the ground
/// the batch's rights take before they are saved. A right registered by hand is a batch of one
/// (<see cref="ReadAsync"/>); the import reads its batch of rows with two queries and adds each right it registers, so
/// that the next row of the same batch sees its number and ground taken (a dry run, which saves nothing, carries one
/// batch on through the whole file).
/// </summary>
public sealed class RegistrationBatch(IEnumerable<Holder> holders, IEnumerable<string> registeredNumbers)
{
    private readonly Dictionary<Guid, Holder> holders = holders.ToDictionary(h => h.Id);
    private readonly HashSet<string> numbers = new(registeredNumbers, StringComparer.Ordinal);
    private readonly List<GroundPending> ground = [];

    /// <summary>The ground taken by rights of this batch not saved yet, checked like ground already recorded.</summary>
    public IReadOnlyList<GroundPending> Ground => ground;

    /// <summary>The batch of one request: its holder and whether its licence number is registered, read in two queries.</summary>
    public static async Task<RegistrationBatch> ReadAsync(MiningRightsDbContext db, RegisterRight.Request request, CancellationToken ct)
    {
        var number = request.LicenseNumber?.Trim().ToUpperInvariant();
        var holder = request.HolderId is { } id ? await db.Holders.SingleOrDefaultAsync(h => h.Id == id, ct) : null;
        var registered = number is not null && await db.Rights.AnyAsync(r => r.LicenseNumber == number, ct);
        return new RegistrationBatch(holder is null ? [] : [holder], registered ? [number!] : []);
    }

    /// <summary>A holder registered in the same unit of work (the import's new holders), known before it is saved.</summary>
    public void Knows(Holder holder) => holders.TryAdd(holder.Id, holder);

    /// <summary>A right registered before the batch met it (a dry run's later batch reading more of the register).</summary>
    public void Knows(MiningRight right) => numbers.Add(right.LicenseNumber);

    internal Holder? Holder(Guid? id) => id is { } key ? holders.GetValueOrDefault(key) : null;

    internal bool IsRegistered(string number) => numbers.Contains(number);

    /// <summary>Marks a right of the batch registered: its number taken, its ground (if any) held for the rows after it.</summary>
    internal void Registered(MiningRight right, Footprint? footprint, BlockPolygon? polygon)
    {
        numbers.Add(right.LicenseNumber);
        if (footprint is not null && polygon is not null)
        {
            ground.Add(new GroundPending(footprint, polygon, right.LicenseNumber));
        }
    }
}
