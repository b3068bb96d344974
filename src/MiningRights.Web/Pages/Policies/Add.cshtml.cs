using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Policies;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Pages.Policies;

/// <summary>An administrator adds a renewed or successor policy as a rulebook file; it is checked before it takes effect, through the same use case as the API.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AddModel(AddRulebook add, Ui ui) : PageModel
{
    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        try
        {
            if (file is null || file.Length > AddRulebook.MaxBytes)
            {
                throw RefusalException.Invalid("file", $"Choose a rulebook JSON file of at most {AddRulebook.MaxBytes / 1024} KB.", $"请选择不超过 {AddRulebook.MaxBytes / 1024} KB 的规则集 JSON 文件。");
            }

            using var reader = new StreamReader(file.OpenReadStream());
            var added = await add.HandleAsync(new AddRulebook.Request(file.FileName, await reader.ReadToEndAsync(ct)), Actor.From(User), ct);
            return Redirect($"/policies?done=added{(added.Rulebook.Issuer == PolicyBook.National ? string.Empty : "&province=" + added.Rulebook.Issuer)}");
        }
        catch (RefusalException refusal)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
            return Page();
        }
    }
}
