using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Decisions;

namespace MiningRights.Web.Pages.Decisions;

/// <summary>
/// A decision's document (决定书), laid out for A4: for the officers of the authority that sees its process and for the
/// holder it is addressed to; anyone else gets the page an unknown decision gets. Chinese, with the English beside it
/// where the addressee reads English.
/// </summary>
[Authorize(Roles = $"{Roles.Authority},{Roles.Holder}")]
public sealed class DocumentModel(DecisionQueries decisions, MiningRights.Policies.PolicyBook policies) : PageModel
{
    /// <summary>
    /// The legal basis in one language: the rule cited, with its source as in force on the day of the decision (the
    /// stored citation, pinned to its rulebook's hash, is printed beneath it as the record).
    /// </summary>
    public string Basis(bool chinese)
    {
        var decision = Document.Decision;
        return policies.Knows(decision.RuleId) && policies.Describe(decision.RuleId, decision.DecidedOn) is { } rule
            ? $"{rule.Id} {(chinese ? rule.SourceZh : rule.SourceEn)}"
            : decision.RuleId;
    }

    public DecisionQueries.Document Document { get; private set; } = null!;

    /// <summary>True where the addressee reads English: the document carries both languages side by side.</summary>
    public bool Bilingual => Document.Addressee?.Language is { } language && language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Document = await decisions.DocumentAsync(Actor.From(User), id, ct);
            return Page();
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }
}
