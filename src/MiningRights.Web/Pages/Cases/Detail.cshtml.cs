using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Storage;
using MiningRights.Web.Localization;
using MiningRights.Web.Pages.Shared;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Cases;

/// <summary>
/// A case with the obligation and every report it came from and its own history; the reader acts through the signals
/// the case's workflow takes now (findings, a rectification order, a disposition), sent through the use case the API
/// calls. Not found alike for a case that does not exist or is not the reader's to see.
/// </summary>
public sealed class DetailModel(CaseQueries cases, WorkflowRegistry registry, MiningRights.Decisions.DecisionQueries decisions, Ui ui) : PageModel
{
    public CaseDetail Case { get; private set; } = null!;

    public SignalForms? Forms { get; private set; }

    /// <summary>The formal decisions taken in the case, each with its document.</summary>
    public IReadOnlyList<MiningRights.Decisions.Decision> Decisions { get; private set; } = [];

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignalAsync(Guid id, Guid instanceId, string signal, [FromServices] SendSignal send, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || (Case.Process?.Id != instanceId && Case.Source.Id != instanceId))
        {
            return NotFound();
        }

        if (await SignalForms.SendAsync(Request, send, instanceId, signal, ct) is not { } refusal)
        {
            return RedirectToPage(new { id, done = "signal" });
        }

        (Message, Errors) = ui.Refusal(refusal);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = Actor.From(User);
        try
        {
            Case = await cases.GetAsync(user, id, ct);
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        Forms = Case.Process is { } process ? await SignalForms.ForAsync(process, registry, user, decisions, ct) : null;
        Decisions = await decisions.OfSubjectAsync(CaseSubjectKind.Kind, Case.Case.Id, ct);
        Message ??= SignalForms.Done(Request, ui);
        return true;
    }
}
