using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Imports;

/// <summary>A batch's holders by credit code and rights by licence number, with those it registers added as it goes.</summary>
internal sealed record KnownRegister(Dictionary<string, Holder> Holders, Dictionary<string, MiningRight> Rights, RegistrationBatch Batch)
{
    /// <summary>
    /// What a batch's rows are checked against, read in two queries: their holders and the rights registered under their
    /// numbers. A dry run passes what the batches before it would have registered (<paramref name="carried"/>): a holder
    /// or right met there stays as that batch left it.
    /// </summary>
    public static async Task<KnownRegister> ReadAsync(MiningRightsDbContext db, List<ImportRow> batch, KnownRegister? carried, CancellationToken ct)
    {
        var codes = batch.Select(r => r.CreditCode).OfType<string>().Distinct().ToList();
        var numbers = batch.Select(r => r.LicenseNumber).OfType<string>().Distinct().ToList();
        var holders = await db.Holders.Where(h => codes.Contains(h.CreditCode)).ToDictionaryAsync(h => h.CreditCode, StringComparer.Ordinal, ct);
        var rights = await db.Rights.Where(r => numbers.Contains(r.LicenseNumber)).ToDictionaryAsync(r => r.LicenseNumber, StringComparer.Ordinal, ct);
        if (carried is null)
        {
            return new KnownRegister(holders, rights, new RegistrationBatch(holders.Values, rights.Keys));
        }

        foreach (var (code, holder) in holders)
        {
            if (carried.Holders.TryAdd(code, holder))
            {
                carried.Batch.Knows(holder);
            }
        }

        foreach (var (number, right) in rights)
        {
            if (carried.Rights.TryAdd(number, right))
            {
                carried.Batch.Knows(right);
            }
        }

        return carried;
    }
}
