using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Web.Apis;

public static class CasesApi
{
    public sealed record CaseDto(
        Guid Id,
        Guid RightId,
        string LicenseNumber,
        Guid InstanceId,
        string JurisdictionCode,
        string RuleId,
        string TitleZh,
        string TitleEn,
        int Severity,
        DateOnly? DueOn,
        CaseStatus Status,
        DateTime OpenedAtUtc);

    public sealed record CaseDetail(CaseDto Case, IReadOnlyList<RightsApi.HistoryEntry> History);

    public static void MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases")
            .RequireAuthorization(p => p.RequireRole(Roles.Inspector, Roles.Authority, Roles.Admin));
        group.MapGet("/", ListAsync).WithSummary("The case queue of the caller's jurisdiction: most serious first, then oldest.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A case with the right's whole history.");
    }

    public static async Task<Ok<Page<CaseDto>>> ListAsync(
        MiningRightsDbContext db,
        RightAccess access,
        HttpContext context,
        CancellationToken ct,
        string? status = null,
        int? page = null,
        int? pageSize = null)
    {
        var (skip, take) = Paging.Window(page, pageSize);
        var rights = await access.VisibleAsync(context.Current(), ct);
        var query = db.Cases.AsNoTracking().Join(rights, c => c.RightId, r => r.Id, (c, r) => new { Case = c, r.LicenseNumber });
        if (EnumText.Parse<CaseStatus>(status, "status") is { } wanted)
        {
            query = query.Where(x => x.Case.Status == wanted);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.Case.Severity).ThenBy(x => x.Case.OpenedAtUtc).Skip(skip).Take(take).ToListAsync(ct);
        return TypedResults.Ok(new Page<CaseDto>(rows.Select(x => ToDto(x.Case, x.LicenseNumber)).ToList(), page ?? 1, take, total));
    }

    public static async Task<Ok<CaseDetail>> GetAsync(Guid id, MiningRightsDbContext db, RightAccess access, HttpContext context, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw RefusalException.NotFound($"Case {id}");
        var right = await access.GetAsync(context.Current(), found.RightId, ct);
        var history = await RightsApi.HistoryAsync(right.Id, access, db, context, ct);
        return TypedResults.Ok(new CaseDetail(ToDto(found, right.LicenseNumber), history.Value!));
    }

    private static CaseDto ToDto(Case c, string licenseNumber) =>
        new(c.Id, c.RightId, licenseNumber, c.InstanceId, c.JurisdictionCode, c.RuleId, c.TitleZh, c.TitleEn, c.Severity, c.DueOn, c.Status, c.OpenedAtUtc);
}
