using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Imports;

/// <summary>A row naming a holder already registered: what the register may correct (names, language, contacts) is updated.</summary>
internal static class RegisteredHolder
{
    /// <summary>Puts the row's holder fields on a registered holder; answers whether anything changed.</summary>
    public static bool Update(Holder holder, RegisterHolder.Request request, Actor user, MiningRightsDbContext db, TimeProvider time)
    {
        if (RegisterHolder.Check(request) is { } refusal)
        {
            throw refusal;
        }

        var contacts = string.Join(';', request.ContactEmails!.Select(e => e.Trim()));
        var changes = new List<string>();
        if (holder.NameZh != request.NameZh!.Trim())
        {
            holder.NameZh = request.NameZh.Trim();
            changes.Add("nameZh");
        }

        if (holder.NameEn != request.NameEn!.Trim())
        {
            holder.NameEn = request.NameEn.Trim();
            changes.Add("nameEn");
        }

        if (holder.Language != request.Language)
        {
            holder.Language = request.Language!;
            changes.Add("language");
        }

        if (holder.ContactEmails != contacts)
        {
            holder.ContactEmails = contacts;
            changes.Add("contactEmails");
        }

        if (changes.Count > 0)
        {
            db.AuditEvents.Add(new AuditEvent
            {
                AtUtc = time.GetUtcNow().UtcDateTime,
                Actor = user.Name,
                Action = "holder.imported",
                Detail = $"Holder {holder.CreditCode} updated from the imported register: {string.Join(", ", changes)}.",
            });
        }

        return changes.Count > 0;
    }
}
