using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MiningRights.Accounts;
using MiningRights.Contracts;
using MiningRights.Web.Localization;
using MiningRights.Web.Pages.Shared;

namespace MiningRights.Web.Pages.Contracts;

/// <summary>
/// A transfer contract as the authority works it: clauses, installments as of today, payments and amendments; a
/// payment recorded (the first installment paid in full confirms the first payment and lets the transfer go on to
/// registration) and an amendment recorded, through the use cases the API calls.
/// </summary>
[Authorize(Roles = Roles.Authority)]
public sealed class DetailModel(ContractQueries contracts, Ui ui) : OfficeFormPage
{
    public ContractView Contract { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostPayAsync(Guid id, [FromServices] RecordPayment pay, CancellationToken ct) =>
        ActAsync("Pay", async () =>
        {
            await pay.HandleAsync(id, new RecordPayment.Request((int?)Number("installment"), Number("amount"), Date("paidOn"), Text("reference")), Actor.From(User), ct);
            return RedirectToPage(new { id, done = "paid" });
        }, () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostAmendAsync(Guid id, [FromServices] AmendContract amend, CancellationToken ct) =>
        ActAsync("Amend", async () =>
        {
            await amend.HandleAsync(id, new AmendContract.Request(Text("reason"), Date("amendedOn"), ContractText.Clauses(Text("clauses"))), Actor.From(User), ct);
            return RedirectToPage(new { id, done = "amended" });
        }, () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Contract = await contracts.GetAsync(Actor.From(User), id, ct);
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }

        Message ??= Request.Query["done"].FirstOrDefault() switch
        {
            "paid" => ui.T("缴款已登记。", "The payment is recorded."),
            "amended" => ui.T("合同变更已登记。", "The amendment is recorded."),
            "entered" => ui.T("合同已录入。", "The contract is entered."),
            _ => null,
        };
        return true;
    }
}
