using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Imports;
using MiningRights.Storage;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Pages.Imports;

/// <summary>
/// The authority imports its existing register: upload a CSV or XLSX file, check it (a dry run that writes nothing),
/// then import it; the report shows the counts and every refused row's problems. Same use case as <c>POST /api/imports</c>.
/// </summary>
[Authorize(Roles = Roles.Authority + "," + Roles.Admin)]
public sealed class IndexModel(ImportRegister import, Ui ui) : PageModel
{
    /// <summary>Rows of the report's list of rights taken shown on the page; the counts cover them all.</summary>
    public const int ShownRights = 200;

    public ImportReport? Report { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mode, CancellationToken ct)
    {
        try
        {
            if (file is null)
            {
                throw RefusalException.Invalid("file", "Choose the register file (CSV or XLSX).", "请选择登记簿文件（CSV 或 XLSX）。");
            }

            var upload = new Upload(file.FileName, file.ContentType, file.Length, file.OpenReadStream);
            Report = await import.HandleAsync(upload, dryRun: mode != "import", Actor.From(User), ct);
        }
        catch (RefusalException refusal)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
        }

        return Page();
    }
}
