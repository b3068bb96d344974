using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Paging;
using MiningRights.Web.Requests;

namespace MiningRights.Web.Apis;

public static class CasesApi
{
    public static void MapCasesApi(this IEndpointRouteBuilder app)
    {
        // A holder reads its own cases (what is asked of it is in the case's workflow); the export is the inspectors'.
        var group = app.MapGroup("/api/cases").WithTags("Cases")
            .RequireAuthorization(p => p.RequireRole(Roles.Inspector, Roles.Authority, Roles.Admin, Roles.Holder));
        group.MapGet("/", ListAsync).WithSummary(
            "The case queue of the caller's jurisdiction, filtered by status, ruleId, severity, minDaysOverdue, county and holderId, in risk order: " +
            "severity (high first), then days overdue (most first; undated cases last), then the holder's other open cases (most first), then id. " +
            "Work a case through its workflow instance's signals.");
        group.MapGet("/export.csv", ExportAsync).RequireAuthorization(p => p.RequireRole(Roles.Inspector, Roles.Authority, Roles.Admin)).WithSummary(
            $"The same queue with the same filters as one CSV file in the same order (UTF-8 with BOM, Chinese and English headers); more than {CaseExport.MaxRows} cases is refused with 422.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A case with the process that opened it (for a breach: the obligation, its clause and every report), its own workflow and the right's whole history.");
    }

    public static async Task<Ok<Page<CaseView>>> ListAsync(CaseQueries queries, HttpContext context, CancellationToken ct,
        string? status = null, string? ruleId = null, string? severity = null, string? minDaysOverdue = null, string? county = null, string? holderId = null,
        string? cursor = null, int? pageSize = null)
    {
        var filter = Filter(context, status, ruleId, severity, minDaysOverdue, county, holderId);
        return TypedResults.Ok(await queries.ListAsync(context.Current(), filter, PageRequest.From(cursor, pageSize), ct));
    }

    public static async Task<FileContentHttpResult> ExportAsync(CaseQueries queries, HttpContext context, CancellationToken ct,
        string? status = null, string? ruleId = null, string? severity = null, string? minDaysOverdue = null, string? county = null, string? holderId = null)
    {
        var filter = Filter(context, status, ruleId, severity, minDaysOverdue, county, holderId);
        var (content, fileName) = await queries.ExportAsync(context.Current(), filter, ct);
        return TypedResults.File(content, CaseExport.ContentType, fileName);
    }

    public static async Task<Ok<CaseDetail>> GetAsync(Guid id, CaseQueries queries, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(context.Current(), id, ct));

    private static CaseFilter Filter(HttpContext context, string? status, string? ruleId, string? severity, string? minDaysOverdue, string? county, string? holderId) =>
        CaseFilter.Read(EnumText.Parse<CaseStatus>(status, "status"), ruleId, severity, minDaysOverdue, county, holderId,
            context.RequestServices.GetRequiredService<MiningRights.Policies.PolicyBook>());
}
