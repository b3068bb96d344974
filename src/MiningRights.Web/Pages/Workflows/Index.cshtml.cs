using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Workflows;

/// <summary>The workflow definitions loaded at start, each linking to its diagram.</summary>
public sealed class IndexModel(WorkflowRegistry registry) : PageModel
{
    public IReadOnlyList<LoadedDefinition> Definitions { get; } =
        registry.Definitions.OrderBy(d => d.Definition.Id, StringComparer.Ordinal).ThenBy(d => d.Definition.Version).ToList();
}
