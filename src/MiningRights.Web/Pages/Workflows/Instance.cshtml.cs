using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Web.Hosting;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Workflows;

/// <summary>An instance's journal, with its definition's diagram and the state it is in highlighted; not found alike when not the reader's to see.</summary>
public sealed class InstanceModel(InstanceQueries instances, WorkflowRegistry registry, Ui ui) : PageModel
{
    public InstanceView Instance { get; private set; } = null!;

    public string Mermaid { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Instance = await instances.GetAsync(CurrentUser.From(User).Actor, id, ct);
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        if (registry.Find(Instance.DefinitionId, Instance.DefinitionVersion, Instance.DefinitionHash)?.Definition is not { } definition)
        {
            return NotFound();
        }

        Mermaid = WorkflowDiagram.Mermaid(definition, ui.Language, Instance.State);
        return Page();
    }
}
