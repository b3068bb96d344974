using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiningRights.Data;

namespace MiningRights.Audit;

/// <summary>
/// The audit trail as a hash chain. Entries are written by whoever decides (in that decision's transaction) without a
/// hash: two nodes cannot both know the last hash at once. <see cref="SealAsync"/> (a scheduled job) then takes the
/// unsealed entries in the order they were written and gives each the next place in the chain and
/// <c>SHA-256(place | id | time | actor | action | right | rule | detail | previous hash)</c>; a unique index on the place
/// lets only one of two racing sealers commit. <see cref="VerifyAsync"/> recomputes the chain and names the first entry
/// whose content, or whose predecessor, is no longer what was sealed.
/// </summary>
public sealed class AuditChain(IServiceScopeFactory scopes, ILogger<AuditChain> logger)
{
    private const int Batch = 500;

    /// <summary>What a check of the chain found.</summary>
    public sealed record Verification(int Sealed, int Unsealed, AuditEvent? FirstBroken, string? Reason)
    {
        public bool Intact => FirstBroken is null;
    }

    /// <summary>Seals every entry not yet sealed; the number sealed (0 when another node sealed them first).</summary>
    public async Task<int> SealAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var last = await db.AuditEvents.AsNoTracking().Where(a => a.ChainSequence != null).OrderByDescending(a => a.ChainSequence)
                .Select(a => new { a.ChainSequence, a.Hash }).FirstOrDefaultAsync(ct);
            var entries = await db.AuditEvents.Where(a => a.ChainSequence == null).OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            if (entries.Count == 0)
            {
                return total;
            }

            var (sequence, previous) = (last?.ChainSequence ?? 0, last?.Hash ?? string.Empty);
            foreach (var entry in entries)
            {
                entry.ChainSequence = ++sequence;
                entry.Hash = HashOf(entry, previous);
                previous = entry.Hash;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e)
            {
                logger.LogInformation(e, "Another node sealed the audit entries first; {Count} sealed here", total);
                return total;
            }

            total += entries.Count;
        }
    }

    /// <summary>Recomputes the chain in its order; the first entry that does not match, or null when all do.</summary>
    public async Task<Verification> VerifyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var previous = string.Empty;
        long expected = 0;
        var count = 0;
        long after = 0;
        while (true)
        {
            var entries = await db.AuditEvents.AsNoTracking().Where(a => a.ChainSequence > after).OrderBy(a => a.ChainSequence).Take(Batch).ToListAsync(ct);
            foreach (var entry in entries)
            {
                expected++;
                if (entry.ChainSequence != expected)
                {
                    return new Verification(count, await UnsealedAsync(db, ct), entry,
                        $"entry {expected} of the chain is missing: the next one found is at place {entry.ChainSequence}");
                }

                if (!string.Equals(entry.Hash, HashOf(entry, previous), StringComparison.Ordinal))
                {
                    return new Verification(count, await UnsealedAsync(db, ct), entry,
                        count == 0 || entry.Hash is null ? "its content does not match its hash" : "its content, or the entry before it, does not match its hash");
                }

                previous = entry.Hash!;
                count++;
            }

            if (entries.Count < Batch)
            {
                return new Verification(count, await UnsealedAsync(db, ct), null, null);
            }

            after = entries[^1].ChainSequence!.Value;
        }
    }

    /// <summary>The hash an entry is sealed with, after the entry whose hash is <paramref name="previous"/>.</summary>
    public static string HashOf(AuditEvent entry, string previous)
    {
        var content = string.Join('\u001f',
            entry.ChainSequence?.ToString(CultureInfo.InvariantCulture),
            entry.Id.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(entry.AtUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.DossierId?.ToString(),
            entry.RuleId,
            entry.Detail,
            previous);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    private static Task<int> UnsealedAsync(MiningRightsDbContext db, CancellationToken ct) => db.AuditEvents.CountAsync(a => a.ChainSequence == null, ct);
}
