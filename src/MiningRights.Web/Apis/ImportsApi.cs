using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Imports;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Requests;

namespace MiningRights.Web.Apis;

public static class ImportsApi
{
    public const string FileField = "file";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(p => p.RequireRole(Roles.Authority, Roles.Admin));
        group.MapPost("/", ImportAsync).OfferedOn("/imports").DescribedAsFileForm(FileField)
            .WithSummary("Import the existing register: a CSV (UTF-8) or XLSX file of holders and rights in 'file', one right per row (see the template). " +
                "With dryRun=true every row is checked and its problems reported, and nothing is written; otherwise rows are registered, or updated by licence number, 500 per transaction.");
        group.MapGet("/template.csv", () => TypedResults.File(ImportTemplate.Csv(), "text/csv; charset=utf-8", "register-template.csv"))
            .WithSummary("The register template as CSV: bilingual headings and an example row.");
        group.MapGet("/template.xlsx", () => TypedResults.File(ImportTemplate.Xlsx(), XlsxType, "register-template.xlsx"))
            .WithSummary("The register template as an Excel workbook: bilingual headings and an example row.");
    }

    public static async Task<Ok<ImportReport>> ImportAsync(HttpRequest request, ImportRegister handler, CancellationToken ct, bool? dryRun = null)
    {
        if (!request.HasFormContentType)
        {
            throw RefusalException.Invalid(FileField, "Send the register as multipart/form-data with the file in 'file'.", "请以 multipart/form-data 格式发送登记簿文件，并将文件放在“file”字段中。");
        }

        var form = await RequestBodies.ReadFormAsync(request, FileField, ct);
        var files = RequestBodies.Files(form, FileField);
        if (files.Count != 1)
        {
            throw RefusalException.Invalid(FileField, "Send one register file (CSV or XLSX) in 'file'.", "请在“file”字段中发送一个登记簿文件（CSV 或 XLSX）。");
        }

        return TypedResults.Ok(await handler.HandleAsync(files[0], dryRun ?? false, request.HttpContext.Current(), ct));
    }
}
