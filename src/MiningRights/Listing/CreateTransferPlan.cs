using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>
/// An authority sets the annual transfer plan (年度出让计划) of a city or county: the quota of new rights for the year.
/// A plan at province level is the provincial reserve quota (ZJ-25). Setting it again for the same place and year
/// changes the quota, never below what is used.
/// </summary>
public sealed class CreateTransferPlan(MiningRightsDbContext db, Access access, JurisdictionDirectory jurisdictions, TimeProvider time)
{
    public sealed record Request(string? JurisdictionCode, int? Year, int? Quota);

    public async Task<TransferPlan> HandleAsync(Request request, Actor user, CancellationToken ct)
    {
        var tree = await jurisdictions.TreeAsync(db, ct);
        var place = tree.Find(request.JurisdictionCode) ?? throw RefusalException.Invalid("jurisdictionCode", $"'{Text.Cut(request.JurisdictionCode)}' is not a jurisdiction code.",
            $"“{Text.Cut(request.JurisdictionCode)}”不是行政区划代码。");
        if (request.Year is not (>= 2000 and <= 2100))
        {
            throw RefusalException.Invalid("year", "The plan year is required, between 2000 and 2100.", "必须填写计划年度，范围为 2000 至 2100。");
        }

        if (request.Quota is not (>= 0 and <= 10000))
        {
            throw RefusalException.Invalid("quota", "The quota is the number of new rights the plan allows, 0 to 10000.", "指标为该计划允许新设的矿业权数量，范围为 0 至 10000。");
        }

        // A quota is set from above: a city's or county's by an authority over it, the provincial reserve by the
        // province itself. A county does not set its own quota.
        var own = user.JurisdictionCode == place.Code;
        if (!await access.MayDecideAsync(user, place.Code, ct) || (own && !user.IsAdmin && place.Level != JurisdictionLevel.Province))
        {
            throw RefusalException.Forbidden(own
                ? $"The annual transfer plan of {place.Code} is set by an authority above it, not by {place.Code} itself."
                : $"{place.Code} is outside your jurisdiction {user.JurisdictionCode}.",
                own
                ? $"{place.Code} 的年度出让计划由其上级机关设定，不由 {place.Code} 自行设定。"
                : $"{place.Code} 不在您的辖区 {user.JurisdictionCode} 范围内。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var plan = await db.TransferPlans.SingleOrDefaultAsync(p => p.JurisdictionCode == place.Code && p.Year == request.Year, ct);
        if (plan is null)
        {
            plan = new TransferPlan { JurisdictionCode = place.Code, Year = request.Year.Value, Quota = request.Quota.Value, CreatedAtUtc = now };
            db.TransferPlans.Add(plan);
        }
        else if (request.Quota < plan.Used)
        {
            throw RefusalException.Conflict($"The {plan.Year} plan of {place.Code} has {plan.Used} blocks in it already; the quota cannot be less.",
                $"{place.Code} 的 {plan.Year} 年度计划中已有 {plan.Used} 个区块；指标不得少于该数量。");
        }
        else
        {
            plan.Quota = request.Quota.Value;
            plan.Version++;
        }

        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = "plan.quota",
            RuleId = "CN-TRANSFER",
            Detail = $"{(place.Level == JurisdictionLevel.Province ? "Provincial reserve" : "Annual transfer plan")} {plan.Year} of {place.Code} ({place.NameZh}): quota {plan.Quota}. 年度出让计划。",
        });
        await db.SaveChangesAsync(ct);
        return plan;
    }
}
