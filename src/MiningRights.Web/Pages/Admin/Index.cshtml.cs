using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Deadlines;
using MiningRights.Notifications;
using MiningRights.Paging;
using MiningRights.Scheduling;
using MiningRights.Web.Apis;
using MiningRights.Web.Hosting;

namespace MiningRights.Web.Pages.Admin;

/// <summary>
/// The administrators' page: each scheduled job with its schedule, next fire time and latest runs, and "run now"; the
/// deadlines the sweep parked and the notices given up on, each with "retry"; the accounts, with lock and unlock; in
/// Development, the demo clock. Every button goes through the use case its API endpoint calls.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(JobBoard jobs, DeadlineQueries deadlines, NotificationQueries notices, AccountQueries accounts, TimeProvider time, IHostEnvironment environment, Ui ui) : PageModel
{
    public IReadOnlyList<JobBoard.JobView> Jobs { get; private set; } = [];

    public IReadOnlyList<DeadlineView> Parked { get; private set; } = [];

    public IReadOnlyList<NotificationView> Dead { get; private set; } = [];

    public IReadOnlyList<AccountQueries.AccountView> Accounts { get; private set; } = [];

    public AdminApi.ClockView Clock { get; private set; } = null!;

    public string? Message { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        // What was just done, named by a fixed word in the address (never text from it).
        Message = Request.Query["done"].FirstOrDefault() switch
        {
            "job" => ui.T("已启动，稍后刷新查看运行记录。", "Started; reload to see its run."),
            "deadline" => ui.T("期限已重新纳入巡检。", "The deadline is back in the sweep."),
            "notice" => ui.T("通知已重新投递。", "The notice is back in the outbox."),
            "locked" => ui.T("账户已锁定。", "The account is locked."),
            "unlocked" => ui.T("账户已解锁。", "The account is unlocked."),
            "clock" => ui.T("演示时钟已前移。", "The demo clock moved forward."),
            _ => null,
        };
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostRunJobAsync(string name, CancellationToken ct) =>
        ActAsync(() => jobs.RunNowAsync(name, ct), "job", ct);

    public Task<IActionResult> OnPostRetryDeadlineAsync(Guid id, [FromServices] RetryParkedDeadline retry, CancellationToken ct) =>
        ActAsync(() => retry.HandleAsync(id, ct), "deadline", ct);

    public Task<IActionResult> OnPostRetryNoticeAsync(Guid id, [FromServices] RetryDeadNotice retry, CancellationToken ct) =>
        ActAsync(() => retry.HandleAsync(id, CurrentUser.From(User), ct), "notice", ct);

    public Task<IActionResult> OnPostLockAsync(string id, bool locked, [FromServices] LockAccount lockAccount, CancellationToken ct) =>
        ActAsync(() => lockAccount.HandleAsync(id, locked, CurrentUser.From(User), ct), locked ? "locked" : "unlocked", ct);

    public Task<IActionResult> OnPostClockAsync(int? advanceDays, [FromServices] MoveDemoClock move, CancellationToken ct) =>
        ActAsync(() => move.HandleAsync(new AdminApi.ClockMove(advanceDays, null), CurrentUser.From(User), ct), "clock", ct);

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
        var user = CurrentUser.From(User);
        Jobs = await jobs.ListAsync(ct);
        Parked = await deadlines.ParkedAsync(ct);
        Dead = (await notices.ListAsync(user, NotificationStatus.Dead, null, PageRequest.From(null, null), ct)).Items;
        Accounts = await accounts.ListAsync(ct);
        Clock = AdminApi.View(time, environment);
    }
}
