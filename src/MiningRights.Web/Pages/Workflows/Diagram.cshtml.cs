using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Web.Localization;
using MiningRights.Web.Security;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Workflows;

/// <summary>One definition drawn as a state diagram from its JSON (states, signals, deadlines).</summary>
[DrawsDiagrams]
public sealed class DiagramModel(WorkflowRegistry registry, Ui ui) : PageModel
{
    public WorkflowDefinition Definition { get; private set; } = null!;

    public string Mermaid { get; private set; } = string.Empty;

    public IActionResult OnGet(string id, int version)
    {
        if (registry.Find(id, version) is not { } found)
        {
            return NotFound();
        }

        Definition = found.Definition;
        Mermaid = WorkflowDiagram.Mermaid(Definition, ui.Language);
        return Page();
    }
}
