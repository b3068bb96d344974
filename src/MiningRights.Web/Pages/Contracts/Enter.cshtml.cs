using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MiningRights.Accounts;
using MiningRights.Contracts;
using MiningRights.Rights;
using MiningRights.Web.Pages.Shared;

namespace MiningRights.Web.Pages.Contracts;

/// <summary>The authority enters the existing transfer contract of a right registered before the service kept contracts (EnterContract, as <c>POST /api/rights/{id}/contract</c>).</summary>
[Authorize(Roles = Roles.Authority)]
public sealed class EnterModel(RightQueries rights) : OfficeFormPage
{
    public const string Form = "Enter";

    public RightView Right { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostEnterAsync(Guid id, [FromServices] EnterContract enter, CancellationToken ct) =>
        ActAsync(Form, async () =>
        {
            var entered = await enter.HandleAsync(id, new EnterContract.Request(Text("number"), Date("signedOn"), Choice<IncomeCollection>("collection"),
                Number("totalIncome"), Number("ratePercent"), ContractText.Clauses(Text("clauses"))), Actor.From(User), ct);
            return RedirectToPage("/Contracts/Detail", new { id = entered.Contract.Id, done = "entered" });
        }, () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Right = (await rights.DetailAsync(Actor.From(User), id, ct)).Right;
            return true;
        }
        catch (RefusalException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }
    }
}
