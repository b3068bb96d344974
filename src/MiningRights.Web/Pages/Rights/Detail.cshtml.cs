using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Plans;
using MiningRights.Rights;
using MiningRights.Storage;
using MiningRights.Web.Hosting;
using MiningRights.Web.Pages.Shared;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Rights;

/// <summary>
/// A right as its holder or an officer of its jurisdiction reads it, with its plans; anyone else gets the page an unknown
/// right gets. The holder submits a plan where a process waits for one (the values the process's submitPlan signal
/// declares, read from its definition); the authority approves or returns a submitted plan. Both through the use cases
/// the API calls.
/// </summary>
public sealed class DetailModel(RightQueries rights, PlanQueries plans, InstanceQueries instances, WorkflowRegistry registry, Ui ui) : PageModel
{
    public RightView Right { get; private set; } = null!;

    public IReadOnlyList<PlanDocument> Plans { get; private set; } = [];

    /// <summary>The values the waiting process asks with its plan, when one waits for a plan; otherwise null.</summary>
    public IReadOnlyDictionary<string, SignalInput>? PlanInputs { get; private set; }

    public bool MayDecide { get; private set; }

    /// <summary>For each running process on the right, the steps the reader may take now (a report, a renewal application, a decision).</summary>
    public IReadOnlyList<(WorkflowView Process, SignalForms Forms)> Steps { get; private set; } = [];

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitPlanAsync(Guid id, IFormFile? file, [FromServices] SubmitPlan submit, CancellationToken ct)
    {
        var fields = Request.Form.Keys.Where(k => k is not "__RequestVerificationToken")
            .ToDictionary(k => k, k => (string?)Request.Form[k].ToString(), StringComparer.Ordinal);
        var upload = file is null ? null : new Upload(file.FileName, file.ContentType, file.Length, file.OpenReadStream);
        return await ActAsync(id, () => submit.HandleAsync(id, new SubmitPlan.Request(upload, fields), CurrentUser.From(User), ct), "submitted", ct);
    }

    public async Task<IActionResult> OnPostSignalAsync(Guid id, Guid instanceId, string signal, [FromServices] SendSignal send, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Right.Workflows.All(w => w.InstanceId != instanceId))
        {
            return NotFound();
        }

        if (await SignalForms.SendAsync(Request, send, instanceId, signal, ct) is not { } refusal)
        {
            return RedirectToPage(new { id, done = "signal" });
        }

        (Message, Errors) = (refusal.Message, refusal.Errors);
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid planId, PlanDecision? decision, string? reasons, [FromServices] DecidePlan decide, CancellationToken ct) =>
        await ActAsync(id, () => decide.HandleAsync(id, planId, new DecidePlan.Request(decision, reasons), CurrentUser.From(User), ct),
            decision == PlanDecision.Approve ? "approved" : "returned", ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<PlanDocument>> act, string done, CancellationToken ct)
    {
        try
        {
            await act();
            return RedirectToPage(new { id, done });
        }
        catch (RefusalException refusal) when (refusal.Status != StatusCodes.Status404NotFound)
        {
            Response.StatusCode = refusal.Status;
            Message = refusal.Message;
            Errors = refusal.Errors;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        catch (RefusalException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = CurrentUser.From(User);
        try
        {
            Right = await rights.GetAsync(user, id, ct);
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        Plans = await plans.OfRightAsync(user, id, ct);
        // What was just done, named by a fixed word in the address (never text from it).
        Message ??= Request.Query["done"].FirstOrDefault() switch
        {
            "submitted" => ui.T("方案已提交，待登记机关审查。", "The plan is submitted and waits for the authority."),
            "approved" => ui.T("方案已批准。", "The plan is approved."),
            "returned" => ui.T("方案已退回。", "The plan is returned."),
            "signal" => ui.T("已办理。", "Done."),
            _ => null,
        };
        MayDecide = user.Roles.Contains(Roles.Authority);
        var steps = new List<(WorkflowView, SignalForms)>();
        foreach (var running in Right.Workflows.Where(w => !w.Finished && w.SubjectKind == RightSubjectKind.Kind))
        {
            var forms = SignalForms.For(await instances.GetAsync(user.Actor, running.InstanceId, ct), registry, user);
            if (forms.Signals.Count > 0)
            {
                steps.Add((running, forms));
            }
        }

        Steps = steps;
        if (user.IsHolder)
        {
            foreach (var running in Right.Workflows.Where(w => !w.Finished))
            {
                var definition = registry.Find(running.DefinitionId, running.Version)?.Definition;
                if (definition is not null && definition.Transitions.Any(t => t.From == running.State && t.Signal == SubmitPlan.Signal))
                {
                    PlanInputs = definition.Signals[SubmitPlan.Signal].Inputs;
                    break;
                }
            }
        }

        return true;
    }
}
