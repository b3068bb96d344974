using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Web.Localization;
using MiningRights.Web.Pages.Shared;
using MiningRights.Web.Security;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Workflows;

/// <summary>
/// An instance's journal, with its definition's diagram and the state it is in highlighted, and a form for each step the
/// reader may take on it now (the work queue's address for a subject without a page of its own: a verification task, an
/// installment); not found alike when not the reader's to see.
/// </summary>
[DrawsDiagrams]
public sealed class InstanceModel(InstanceQueries instances, WorkflowRegistry registry, MiningRights.Decisions.DecisionQueries decisions, Ui ui) : PageModel
{
    public InstanceView Instance { get; private set; } = null!;

    public string Mermaid { get; private set; } = string.Empty;

    public SignalForms Forms { get; private set; } = null!;

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignalAsync(Guid id, Guid instanceId, string signal, [FromServices] SendSignal send, CancellationToken ct)
    {
        if (instanceId != id || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (await SignalForms.SendAsync(Request, send, id, signal, ct) is not { } refusal)
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
            Instance = await instances.GetAsync(user, id, ct);
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        if (registry.Find(Instance.DefinitionId, Instance.DefinitionVersion, Instance.DefinitionHash)?.Definition is not { } definition)
        {
            return false;
        }

        Mermaid = WorkflowDiagram.Mermaid(definition, ui.Language, Instance.State);
        Forms = await SignalForms.ForAsync(Instance, registry, user, decisions, ct);
        Message ??= SignalForms.Done(Request, ui);
        return true;
    }
}
