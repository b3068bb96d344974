using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Contracts;
using MiningRights.Plans;
using MiningRights.Rights;
using MiningRights.Storage;
using MiningRights.Web.Localization;
using MiningRights.Web.Pages.Shared;
using MiningRights.Web.Requests;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Rights;

/// <summary>
/// A right as its holder or an officer of its jurisdiction reads it: its ground on the province's outline, processes,
/// deadlines, obligations, contract with installments and payments, plans and timeline; anyone else gets the page an
/// unknown right gets. The holder submits a plan where a process waits for one, takes the steps its processes offer,
/// claims relief and declares revenue; the authority decides plans and records payments. All through the use cases
/// the API calls.
/// </summary>
public sealed class DetailModel(RightQueries rights, PlanQueries plans, InstanceQueries instances, ContractQueries contracts, ObligationQueries obligations, WorkflowRegistry registry, MiningRights.Decisions.DecisionQueries decisions, Ui ui) : PageModel
{
    /// <summary>The right's ground as GeoJSON, drawn on the province's outline; null when registered without one.</summary>
    public string? Footprint { get; private set; }

    /// <summary>The contract in force, with its installments and payments; null for a right without one.</summary>
    public ContractView? Contract { get; private set; }

    /// <summary>Every monitored duty of the right, running and finished.</summary>
    public IReadOnlyList<ObligationView> Obligations { get; private set; } = [];

    /// <summary>Registrations, decisions and every step of every process, newest first.</summary>
    public IReadOnlyList<HistoryEntry> Timeline { get; private set; } = [];

    public Actor Reader { get; private set; } = null!;

    public RightView Right { get; private set; } = null!;

    public IReadOnlyList<PlanDocument> Plans { get; private set; } = [];

    /// <summary>The formal decisions on the right and its cases, each with its document.</summary>
    public IReadOnlyList<MiningRights.Decisions.Decision> Decisions { get; private set; } = [];

    /// <summary>The values the waiting process asks with its plan, when one waits for a plan; otherwise null.</summary>
    public IReadOnlyDictionary<string, SignalInput>? PlanInputs { get; private set; }

    public bool MayDecide { get; private set; }

    /// <summary>Whether the reader may move a deadline (the extension page's roles).</summary>
    public bool MayExtend { get; private set; }

    /// <summary>
    /// For each submitted plan decided by an expert review (GS-9e), the values the approving signal asks with it (the
    /// construction dates); plans missing here are approved or returned directly.
    /// </summary>
    public IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, SignalInput>> ExpertReviews { get; private set; } = new Dictionary<Guid, IReadOnlyDictionary<string, SignalInput>>();

    /// <summary>For each submitted plan whose return (or failed review) is a formal decision, the formalities its form asks for.</summary>
    public IReadOnlyDictionary<Guid, DecisionFields> PlanReturns { get; private set; } = new Dictionary<Guid, DecisionFields>();

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
        return await ActAsync(id, () => submit.HandleAsync(id, new SubmitPlan.Request(upload, fields), Actor.From(User), ct), "submitted", ct);
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

        (Message, Errors) = ui.Refusal(refusal);
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>The authority approves or returns a plan (DecidePlan, as the API does); a return that is a formal decision carries its confirmed formalities.</summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid planId, PlanDecision? decision, string? reasons, [FromServices] DecidePlan decide, CancellationToken ct) =>
        await ActAsync(id, () => decide.HandleAsync(id, planId,
                new DecidePlan.Request(decision, reasons, decision == PlanDecision.Return ? SignalForms.ConfirmedFormalities(Request) : null), Actor.From(User), ct),
            decision == PlanDecision.Approve ? "approved" : "returned", ct);

    /// <summary>The authority records the expert review of a plan and so decides it (RecordExpertReview, as the API does); a failed review returns the plan by a formal decision.</summary>
    public async Task<IActionResult> OnPostExpertReviewAsync(Guid id, Guid planId, bool? passed, DateOnly? reviewedOn, string? panel, string? findings,
        DateOnly? constructionStartDue, DateOnly? constructionCompletionDue, DateOnly? greenMineDue, [FromServices] Licensing.RecordExpertReview review, CancellationToken ct) =>
        await ActAsync(id, () => review.HandleAsync(id, planId,
            new Licensing.RecordExpertReview.Request(passed, reviewedOn, panel, findings, constructionStartDue, constructionCompletionDue, greenMineDue,
                passed == false ? SignalForms.ConfirmedFormalities(Request) : null), Actor.From(User), ct),
            passed == true ? "approved" : "returned", ct);

    /// <summary>The authority records a payment of an installment (RecordPayment, as the API does).</summary>
    public async Task<IActionResult> OnPostPayAsync(Guid id, int? installment, decimal? amount, DateOnly? paidOn, string? reference, [FromServices] RecordPayment pay, CancellationToken ct) =>
        await ActAsync(id, async () => await pay.HandleAsync(await ContractIdAsync(id, ct), new RecordPayment.Request(installment, amount, paidOn, reference), Actor.From(User), ct), "paid", ct);

    /// <summary>The holder (or its authority) declares a year's revenue where income is collected by rate (DeclareRevenue).</summary>
    public async Task<IActionResult> OnPostDeclareAsync(Guid id, int? year, decimal? revenue, [FromServices] DeclareRevenue declare, CancellationToken ct) =>
        await ActAsync(id, async () => await declare.HandleAsync(await ContractIdAsync(id, ct), new DeclareRevenue.Request(year, revenue), Actor.From(User), ct), "declared", ct);

    /// <summary>The holder claims force majeure or a justified reason for duties, with evidence files (ClaimRelief, read from the form as the API reads it).</summary>
    public async Task<IActionResult> OnPostClaimAsync(Guid id, [FromServices] ClaimRelief claim, CancellationToken ct) =>
        await ActAsync(id, () => claim.HandleAsync(id, ReliefClaimForm.Read(Request.Form, "__RequestVerificationToken"),
            RequestBodies.Files(Request.Form, SignalInputs.FilesField), Actor.From(User), ct), "claimed", ct);

    private async Task<Guid> ContractIdAsync(Guid rightId, CancellationToken ct) =>
        (await contracts.OfRightAsync(Actor.From(User), rightId, ct))?.Id ?? throw RefusalException.Conflict("This right has no contract in the service.", "本系统中没有该矿业权的出让合同。");

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> act, string done, CancellationToken ct)
    {
        try
        {
            await act();
            return RedirectToPage(new { id, done });
        }
        catch (RefusalException refusal) when (refusal.Status != StatusCodes.Status404NotFound)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        catch (RefusalException)
        {
            return NotFound();
        }
    }

    private async Task<IReadOnlyDictionary<Guid, DecisionFields>> PlanReturnsAsync(CancellationToken ct)
    {
        var returns = new Dictionary<Guid, DecisionFields>();
        foreach (var plan in MayDecide ? Plans.Where(p => p.Status == PlanStatus.Submitted) : [])
        {
            var process = Right.Workflows.FirstOrDefault(w => w.InstanceId == plan.InstanceId && !w.Finished);
            var definition = process is null ? null : registry.Find(process.DefinitionId, process.Version)?.Definition;
            if (definition is null || PlanDecisionSignals.Of(definition, process!.State, SignalDefinition.PlanReturned) is not { } returning
                || definition.Signals[returning] is not { Decision: { } formal } spec)
            {
                continue;
            }

            var reviewed = ExpertReviews.ContainsKey(plan.Id);
            returns[plan.Id] = new DecisionFields($"return-{plan.Id}", reviewed ? "ExpertReview" : "Decide", null, spec.Label, formal,
                await decisions.BasesAsync(process.InstanceId, ct), AsksFacts: false, Required: false,
                Submit: reviewed ? ("passed", "false") : ("decision", PlanDecision.Return.ToString()));
        }

        return returns;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = Actor.From(User);
        RightQueries.Detail detail;
        try
        {
            detail = await rights.DetailAsync(user, id, ct);
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        (Right, Footprint, Reader) = (detail.Right, detail.Footprint?.ToJsonString(), user);
        Plans = await plans.OfRightAsync(user, id, ct);
        Decisions = await decisions.OfRightAsync(user, id, ct);
        Contract = await contracts.OfRightAsync(user, id, ct);
        Obligations = (await obligations.ListAsync(user, id, includeFinished: true, Paging.PageRequest.From(null, Paging.PageRequest.MaxSize), ct)).Items;
        Timeline = detail.History.Reverse().ToList();
        // What was just done, named by a fixed word in the address (never text from it).
        Message ??= Request.Query["done"].FirstOrDefault() switch
        {
            "submitted" => ui.T("方案已提交，待登记机关审查。", "The plan is submitted and waits for the authority."),
            "approved" => ui.T("方案已批准。", "The plan is approved."),
            "returned" => ui.T("方案已退回。", "The plan is returned."),
            "signal" => ui.T("已办理。", "Done."),
            "paid" => ui.T("缴款已登记。", "The payment is recorded."),
            "declared" => ui.T("收入申报已提交。", "The revenue is declared."),
            "claimed" => ui.T("申请已提交，待登记机关决定。", "The claim is sent and waits for the authority."),
            "registered" => ui.T("矿业权已登记。", "The right is registered."),
            "extended" => ui.T("期限已延长，已通知矿业权人。", "The deadline is extended and the holder told."),
            _ => null,
        };
        MayDecide = user.Roles.Contains(Roles.Authority);
        MayExtend = user.Roles.Contains(Roles.Authority) || user.IsAdmin;

        var reviews = new Dictionary<Guid, IReadOnlyDictionary<string, SignalInput>>();
        foreach (var plan in Plans.Where(p => p.Status == PlanStatus.Submitted))
        {
            var process = Right.Workflows.FirstOrDefault(w => w.InstanceId == plan.InstanceId && !w.Finished);
            var definition = process is null ? null : registry.Find(process.DefinitionId, process.Version)?.Definition;
            if (definition is not null && PlanDecisionSignals.Of(definition, process!.State, SignalDefinition.PlanApproved) is { } approving
                && definition.Signals[approving].ExpertReview)
            {
                reviews[plan.Id] = definition.Signals[approving].Inputs;
            }
        }

        ExpertReviews = reviews;
        PlanReturns = await PlanReturnsAsync(ct);
        var steps = new List<(WorkflowView, SignalForms)>();
        foreach (var running in Right.Workflows.Where(w => !w.Finished && w.SubjectKind == RightSubjectKind.Kind))
        {
            var forms = await SignalForms.ForAsync(await instances.GetAsync(user, running.InstanceId, ct), registry, user, decisions, ct);
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
                if (definition is not null && definition.Offers(running.State, SubmitPlan.Signal))
                {
                    PlanInputs = definition.Signals[SubmitPlan.Signal].Inputs;
                    break;
                }
            }
        }

        return true;
    }
}
