using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MiningRights.Accounts;
using MiningRights.Contracts;
using MiningRights.Listing;
using MiningRights.Rights;
using MiningRights.Web.Localization;
using MiningRights.Web.Pages.Contracts;
using MiningRights.Web.Pages.Shared;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Listing;

/// <summary>
/// A block as the authority works it: its ground, processes, notices and objections, and the forms its stage takes now
/// (into a plan; announce a listing or start an agreement transfer; record the transaction or end the listing; record and
/// decide objections; sign the contract; register the right), each through the use case its API endpoint calls. Each
/// form carries the id of the step it takes (<c>#transact</c>, <c>#signContract</c>, …), the work queue's links go there.
/// </summary>
[Authorize(Roles = Roles.Authority)]
public sealed class BlockModel(ListingQueries listing, ListingChoices choices, InstanceQueries instances, WorkflowRegistry registry, MiningRights.Decisions.DecisionQueries decisions, Ui ui) : OfficeFormPage
{
    public BlockView Block { get; private set; } = null!;

    /// <summary>The transfer running on the block, with the steps its state takes; null when none runs.</summary>
    public InstanceView? Running { get; private set; }

    public SignalForms? Steps { get; private set; }

    public IReadOnlyList<DisclosureObjection> Objections { get; private set; } = [];

    public IReadOnlyList<TransferAnnouncement> Announcements { get; private set; } = [];

    public IReadOnlyList<ListingChoices.Transferee> Transferees { get; private set; } = [];

    public int ThisYear { get; private set; }

    /// <summary>Whether the running transfer takes <paramref name="signal"/> now.</summary>
    public bool Takes(string signal) => Running?.Signals.Contains(signal) == true;

    public bool TakesObjections => Running is { } r && r.DefinitionId == StartAgreementTransfer.Workflow && RecordObjection.DisclosureStates.Contains(r.State);

    /// <summary>A process's name from its definition, in the reader's language.</summary>
    public string Title(string definitionId, int version) => registry.Find(definitionId, version)?.Definition.Title.In(ui.Language) ?? definitionId;

    /// <summary>A state's name from its definition, in the reader's language.</summary>
    public string State(string definitionId, int version, string state) =>
        registry.Find(definitionId, version)?.Definition.States.GetValueOrDefault(state)?.Status.In(ui.Language) ?? state;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostPlanAsync(Guid id, [FromServices] PlanBlock plan, CancellationToken ct) =>
        Act("Plan", id, () => plan.HandleAsync(id, new PlanBlock.Request((int?)Number("year")), Reader(), ct), "planned", ct);

    public Task<IActionResult> OnPostAnnounceAsync(Guid id, [FromServices] AnnounceListing announce, CancellationToken ct) =>
        Act("Announce", id, () => announce.HandleAsync(id, new AnnounceListing.Request(Choice<TransferMode>("method"), Number("reservePrice"), Number("startingPrice"),
            Date("biddingEndsOn"), Text("contact"), Request.Form["startingPricePublic"].Any(v => v is "true" or "on")), Reader(), ct), "announced", ct);

    public Task<IActionResult> OnPostAgreementAsync(Guid id, [FromServices] StartAgreementTransfer agreement, CancellationToken ct) =>
        Act("Agreement", id, () => agreement.HandleAsync(id, new StartAgreementTransfer.Request(Id("holderId"), Number("price"), Text("reason")), Reader(), ct), "agreement", ct);

    public Task<IActionResult> OnPostTransactAsync(Guid id, [FromServices] RecordTransaction transact, CancellationToken ct) =>
        Act("Transact", id, () => transact.HandleAsync(id, new RecordTransaction.Request(Id("holderId"), Number("price")), Reader(), ct), "transacted", ct);

    public Task<IActionResult> OnPostObjectAsync(Guid id, [FromServices] RecordObjection record, CancellationToken ct) =>
        Act("Object", id, () => record.HandleAsync(id, new RecordObjection.Request(Text("objector"), Text("grounds"), Date("receivedOn")), Reader(), ct), "objection", ct);

    public Task<IActionResult> OnPostDecideObjectionAsync(Guid id, Guid objectionId, [FromServices] DecideObjection decide, CancellationToken ct) =>
        Act("DecideObjection", id, () => decide.HandleAsync(id, objectionId, new DecideObjection.Request(Choice<ObjectionDecision>("decision"), Text("reasons")), Reader(), ct), "decided", ct);

    public Task<IActionResult> OnPostSignContractAsync(Guid id, [FromServices] SignContract sign, CancellationToken ct) =>
        Act("SignContract", id, () => sign.HandleAsync(id, new SignContract.Request(Text("number"), Date("signedOn"), Choice<IncomeCollection>("collection"),
            Number("totalIncome"), Number("ratePercent"), ContractText.Installments(Text("installments")), ContractText.Clauses(Text("clauses"))), Reader(), ct), "signed", ct);

    public Task<IActionResult> OnPostRegisterAsync(Guid id, [FromServices] RegisterTransferredRight register, CancellationToken ct) =>
        ActAsync("Register", async () =>
        {
            var right = await register.HandleAsync(id, new RegisterTransferredRight.Request(Text("licenseNumber"), Text("projectName"), Date("expiresOn"), Text("deferral")), Reader(), ct);
            return Redirect($"/rights/{right.Id}?done=registered");
        }, () => LoadAsync(id, ct));

    /// <summary>A step without a form of its own (no bidder, withdraw, void, verification, approval), as the workflow declares it.</summary>
    public async Task<IActionResult> OnPostSignalAsync(Guid id, Guid instanceId, string signal, [FromServices] SendSignal send, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Block.Workflows.All(w => w.InstanceId != instanceId))
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

    private Actor Reader() => Actor.From(User);

    private Task<IActionResult> Act(string form, Guid id, Func<Task> act, string done, CancellationToken ct) =>
        ActAsync(form, async () =>
        {
            await act();
            return RedirectToPage(new { id, done });
        }, () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = Reader();
        try
        {
            Block = await listing.BlockAsync(user, id, ct);
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        Objections = await choices.ObjectionsAsync(user, id, ct);
        Announcements = await choices.AnnouncementsAsync(user, id, ct);
        Transferees = await choices.TransfereesAsync(ct);
        Running = Block.Workflows.FirstOrDefault(w => !w.Finished) is { } running ? await instances.GetAsync(user, running.InstanceId, ct) : null;
        Steps = Running is null ? null : await SignalForms.ForAsync(Running, registry, user, decisions, ct);
        ThisYear = global::MiningRights.Time.ProvinceCalendar.China.DateAt(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()).Year;
        Message ??= Request.Query["done"].FirstOrDefault() switch
        {
            "added" => ui.T("区块已加入项目库。", "The block is in the pool."),
            "planned" => ui.T("区块已列入年度出让计划。", "The block is in the annual plan."),
            "announced" => ui.T("出让公告已发布。", "The announcement is published."),
            "agreement" => ui.T("协议出让已受理。", "The agreement transfer is taken up."),
            "transacted" => ui.T("已确认成交。", "The transaction is recorded."),
            "objection" => ui.T("异议已登记。", "The objection is recorded."),
            "decided" => ui.T("异议已处理。", "The objection is decided."),
            "signed" => ui.T("出让合同已签订。", "The contract is signed."),
            "signal" => ui.T("已办理。", "Done."),
            _ => null,
        };
        return true;
    }
}
