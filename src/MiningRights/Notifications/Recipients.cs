using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Notifications;

/// <summary>
/// Who a notice about a subject goes to: its holder's contacts, the inspectors of its location, the officers of its
/// registration authority. Holders are read once per unit of work (a sweep reads a batch's holders in one query).
/// </summary>
public sealed class Recipients(MiningRightsDbContext db, OfficerDirectory officers, JurisdictionDirectory jurisdictions)
{
    private readonly Dictionary<Guid, IReadOnlyList<Recipient>> _holders = [];

    public async Task PrefetchHoldersAsync(IEnumerable<Guid> holderIds, CancellationToken ct)
    {
        var missing = holderIds.Where(id => !_holders.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var holder in await db.Holders.AsNoTracking().Where(h => missing.Contains(h.Id)).Select(h => new { h.Id, h.ContactEmails, h.Language }).ToListAsync(ct))
        {
            _holders[holder.Id] = holder.ContactEmails.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(email => new Recipient(email, holder.Language)).ToList();
        }
    }

    public async Task<IReadOnlyList<Recipient>> HolderAsync(Guid? holderId, CancellationToken ct)
    {
        if (holderId is not { } id)
        {
            return [];
        }

        await PrefetchHoldersAsync([id], ct);
        return _holders.GetValueOrDefault(id) ?? [];
    }

    /// <summary>Inspectors whose jurisdiction contains the subject's location.</summary>
    public async Task<IReadOnlyList<Recipient>> InspectorsAsync(Subject subject, CancellationToken ct)
    {
        var tree = await jurisdictions.TreeAsync(db, ct);
        return (await officers.AllAsync(db, ct))
            .Where(o => o.Role == Roles.Inspector && tree.Contains(o.JurisdictionCode, subject.JurisdictionCode))
            .Select(o => new Recipient(o.Email, o.Language)).ToList();
    }

    /// <summary>Officers of the subject's registration authority itself.</summary>
    public async Task<IReadOnlyList<Recipient>> AuthorityAsync(Subject subject, CancellationToken ct) =>
        (await officers.AllAsync(db, ct))
            .Where(o => o.Role == Roles.Authority && o.JurisdictionCode == subject.AuthorityCode)
            .Select(o => new Recipient(o.Email, o.Language)).ToList();

    /// <summary>Authority officers of the jurisdiction the subject lies in itself (a county's officers for a county's task).</summary>
    public async Task<IReadOnlyList<Recipient>> LocationAsync(Subject subject, CancellationToken ct) =>
        (await officers.AllAsync(db, ct))
            .Where(o => o.Role == Roles.Authority && o.JurisdictionCode == subject.JurisdictionCode)
            .Select(o => new Recipient(o.Email, o.Language)).ToList();

    public async Task<IReadOnlyList<Recipient>> ForAsync(IEnumerable<string> audiences, Subject subject, CancellationToken ct)
    {
        var all = new List<Recipient>();
        foreach (var audience in audiences)
        {
            all.AddRange(audience switch
            {
                NoticeAudiences.Holder => await HolderAsync(subject.HolderId, ct),
                "inspectors" => await InspectorsAsync(subject, ct),
                "authority" => await AuthorityAsync(subject, ct),
                "location" => await LocationAsync(subject, ct),
                _ => throw new ArgumentOutOfRangeException(nameof(audiences), audience, "Unknown audience."),
            });
        }

        return all.DistinctBy(r => r.Email.ToLowerInvariant()).ToList();
    }
}
