using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Paging;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Renewals;

/// <summary>
/// Rights whose term ends within a number of days (到期预警), soonest first, each with its days left and whether its
/// renewal was applied for (CN-RENEW): its renewal process waits for the authority's decision. Which states those are
/// is read from the renewal workflow: the states from which the process reaches "granted".
/// </summary>
public sealed class ExpiringRights(MiningRightsDbContext db, RightSearch search, WorkflowRegistry registry, TimeProvider time)
{
    /// <summary>The windows the page offers.</summary>
    public static readonly int[] Windows = [30, 90, 180];

    public sealed record ExpiringRow(RightSearch.Row Right, int DaysLeft, bool RenewalApplied);

    private static readonly RightStatus[] InForce = [RightStatus.Active, RightStatus.Provisional, RightStatus.Suspended];

    public async Task<Page<ExpiringRow>> ListAsync(Actor user, int withinDays, PageRequest page, CancellationToken ct)
    {
        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        var query = (await search.WhereAsync(user, new RightSearch.Filter(ExpiresWithinDays: withinDays), ct)).Where(r => InForce.Contains(r.Status));
        if (page.Keys(2) is [var day, var number])
        {
            var after = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw RefusalException.Invalid("cursor", "The cursor is not one this service gave out.", "该游标不是本系统提供的。");
            query = query.Where(r => r.ExpiresOn > after || (r.ExpiresOn == after && string.Compare(r.LicenseNumber, number) > 0));
        }

        var rights = await query.OrderBy(r => r.ExpiresOn).ThenBy(r => r.LicenseNumber).Take(page.Size + 1).ToListAsync(ct);
        var shown = rights.Take(page.Size).ToList();
        var rows = await search.RowsAsync(shown, ct);
        var ids = shown.Select(r => (Guid?)r.Id).ToList();
        var awaiting = AwaitingDecision();
        var applied = (await db.WorkflowInstances.AsNoTracking()
                .Where(i => i.DefinitionId == RenewalTracking.Workflow && !i.Finished && awaiting.Contains(i.State) && ids.Contains(i.DossierId))
                .Select(i => i.DossierId!.Value).ToListAsync(ct))
            .ToHashSet();
        return page.Build(rights, r => [r.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.LicenseNumber],
            r => new ExpiringRow(rows[r.Id], r.ExpiresOn.DayNumber - today.DayNumber, applied.Contains(r.Id)));
    }

    /// <summary>The renewal states in which an application waits for its decision, over every version of the workflow.</summary>
    private List<string> AwaitingDecision() =>
        registry.Versions(RenewalTracking.Workflow)
            .SelectMany(v => v.Definition.Transitions.Where(t => t.To == RenewalTracking.GrantedState).Select(t => t.From))
            .Distinct(StringComparer.Ordinal).ToList();
}
