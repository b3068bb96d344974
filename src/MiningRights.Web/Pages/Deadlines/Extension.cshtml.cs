using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using MiningRights.Accounts;
using MiningRights.Deadlines;
using MiningRights.Policies;
using MiningRights.Web.Hosting;
using MiningRights.Web.Localization;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Deadlines;

/// <summary>
/// The authority moves a deadline (延期): a new date or a period, the reasons and the rule it applies, through
/// <see cref="ExtendDeadline"/> as <c>POST /api/deadlines/{id}/extension</c> does; the holder is told. Back on the
/// right's page with the success message; a refusal keeps the values.
/// </summary>
[Authorize(Roles = $"{Roles.Authority},{Roles.Admin}")]
public sealed class ExtensionModel(DeadlineQueries deadlines, ExtendDeadline extend, Ui ui) : PageModel
{
    public DeadlineView Deadline { get; private set; } = null!;

    public IReadOnlyList<PolicyRule> Rules { get; private set; } = [];

    [BindProperty]
    public DateOnly? DueOn { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? RuleId { get; set; }

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct)
    {
        try
        {
            if (!ModelState.IsValid)
            {
                throw RefusalException.Invalid("dueOn", "The new due date is not a date.", "新的到期日不是有效日期。");
            }

            var moved = await extend.HandleAsync(id, new ExtendDeadline.Request(DueOn, string.IsNullOrWhiteSpace(Period) ? null : Period.Trim(), Reason, RuleId), Actor.From(User), ct);
            var view = await deadlines.GetAsync(Actor.From(User), moved.Id, ct);
            return Redirect(view.RightId is { } right ? $"/rights/{right}?done=extended" : $"/workflows/instances/{view.InstanceId}");
        }
        catch (RefusalException refusal) when (refusal.Status != StatusCodes.Status404NotFound)
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
            return Page();
        }
        catch (RefusalException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = Actor.From(User);
        try
        {
            Deadline = await deadlines.GetAsync(user, id, ct);
            Rules = await extend.CitableAsync(id, user, ct);
            return true;
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }
    }
}
