using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using MiningRights.Accounts;
using MiningRights.Deadlines;
using MiningRights.Notifications;
using MiningRights.Paging;
using MiningRights.Rights;
using MiningRights.Scheduling;
using MiningRights.Web.Apis;
using MiningRights.Web.Demo;
using MiningRights.Web.Hosting;
using MiningRights.Web.Localization;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Admin;

/// <summary>
/// The administrators' page: each scheduled job with its schedule, next fire time and latest runs, and "run now"; the
/// deadlines the sweep parked and the notices given up on, each with "retry"; the accounts, with lock and unlock; in
/// Development, the demo clock. Every button goes through the use case its API endpoint calls.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(DeadlineQueries deadlines, NotificationQueries notices, AccountQueries accounts, RightSearch places, HolderQueries holders, TimeProvider time, IHostEnvironment environment, Ui ui) : PageModel
{

    public IReadOnlyList<DeadlineView> Parked { get; private set; } = [];

    public IReadOnlyList<NotificationView> Dead { get; private set; } = [];

    public IReadOnlyList<AccountQueries.AccountView> Accounts { get; private set; } = [];

    public ClockView Clock { get; private set; } = null!;

    /// <summary>Every jurisdiction, for an officer account's scope (chosen by name) and to name each account's scope.</summary>
    public IReadOnlyList<Jurisdiction> Places { get; private set; } = [];

    public IReadOnlyDictionary<Guid, (string Zh, string En)> HolderNames { get; private set; } = new Dictionary<Guid, (string, string)>();

    /// <summary>The signed-in administrator's own account: it offers no lock (LockAccount refuses it too).</summary>
    public string ReaderId { get; private set; } = string.Empty;

    /// <summary>The account being created, kept after a refusal (never its password).</summary>
    [BindProperty]
    public NewAccount Account { get; set; } = new();

    public sealed class NewAccount
    {
        public string? UserName { get; set; }

        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public string? Role { get; set; }

        public string? Language { get; set; }

        public string? JurisdictionCode { get; set; }

        public string? HolderCreditCode { get; set; }
    }

    /// <summary>An account's scope by name: its jurisdiction or its holder.</summary>
    public string ScopeName(AccountQueries.AccountView account) =>
        account.JurisdictionCode is { } code
            ? Places.FirstOrDefault(p => p.Code == code) is { } place ? ui.T(place.NameZh, place.NameEn) : code
            : account.HolderId is { } holder && HolderNames.TryGetValue(holder, out var name) ? ui.T(name.Zh, name.En) : ui.T("全部", "Everything");

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        // What was just done, named by a fixed word in the address (never text from it).
        Message = Request.Query["done"].FirstOrDefault() switch
        {
            "deadline" => ui.T("期限已重新纳入巡检。", "The deadline is back in the sweep."),
            "notice" => ui.T("通知已重新投递。", "The notice is back in the outbox."),
            "locked" => ui.T("账户已锁定。", "The account is locked."),
            "unlocked" => ui.T("账户已解锁。", "The account is unlocked."),
            "created" => ui.T("账户已创建。", "The account is created."),
            "clock" => ui.T("演示时钟已前移。", "The demo clock moved forward."),
            _ => null,
        };
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostRetryDeadlineAsync(Guid id, [FromServices] RetryParkedDeadline retry, CancellationToken ct) =>
        ActAsync(() => retry.HandleAsync(id, ct), "deadline", ct);

    public Task<IActionResult> OnPostRetryNoticeAsync(Guid id, [FromServices] RetryDeadNotice retry, CancellationToken ct) =>
        ActAsync(() => retry.HandleAsync(id, Actor.From(User), ct), "notice", ct);

    public Task<IActionResult> OnPostLockAsync(string id, bool locked, [FromServices] LockAccount lockAccount, CancellationToken ct) =>
        ActAsync(() => lockAccount.HandleAsync(id, locked, Actor.From(User), ct), locked ? "locked" : "unlocked", ct);

    /// <summary>Creates an account through CreateAccount, as POST /api/accounts does; the holder named by its credit code.</summary>
    public Task<IActionResult> OnPostCreateAccountAsync(string? password, [FromServices] CreateAccount create, CancellationToken ct) =>
        ActAsync(async () =>
        {
            var holder = Account.Role == Roles.Holder ? await holders.FindAsync(Actor.From(User), Account.HolderCreditCode, ct) : null;
            await create.HandleAsync(new CreateAccount.Request(Account.UserName, password, Account.Role, string.IsNullOrWhiteSpace(Account.Email) ? null : Account.Email.Trim(),
                string.IsNullOrWhiteSpace(Account.DisplayName) ? null : Account.DisplayName, Account.Language, holder,
                Account.Role is Roles.Authority or Roles.Inspector ? Account.JurisdictionCode : null), ct);
        }, "created", ct);

    public Task<IActionResult> OnPostClockAsync(int? advanceDays, [FromServices] MoveDemoClock move, CancellationToken ct) =>
        ActAsync(() => move.HandleAsync(new ClockMove(advanceDays, null), Actor.From(User), ct), "clock", ct);

    private async Task<IActionResult> ActAsync(Func<Task> act, string done, CancellationToken ct)
    {
        try
        {
            await act();
            return RedirectToPage(new { done });
        }
        catch (RefusalException refusal)
        {
            Response.StatusCode = refusal.Status;
            (Message, Errors) = ui.Refusal(refusal);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = Actor.From(User);
        Parked = await deadlines.ParkedAsync(ct);
        Dead = (await notices.ListAsync(user, NotificationStatus.Dead, null, PageRequest.From(null, null), ct)).Items;
        Accounts = await accounts.ListAsync(ct);
        Clock = ClockView.Of(time, environment);
        Places = await places.PlacesAsync(user, ct);
        HolderNames = await holders.NamesAsync(Accounts.Where(a => a.HolderId is not null).Select(a => a.HolderId!.Value).ToList(), ct);
        ReaderId = user.Id;
    }
}
