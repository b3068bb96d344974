using Hangfire;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Notifications;
using MiningRights.Scheduling;
using MiningRights.Workflows;

namespace MiningRights.Web.Demo;

/// <summary>
/// Development only: an administrator moves the service's clock forward (whole days, or to a moment), audited, and what
/// fell due in the skipped time is acted on at once. Outside Development there is no demo clock: not found.
/// </summary>
public sealed class MoveDemoClock(TimeProvider time, IHostEnvironment environment, IRecurringJobManager recurring, MiningRightsDbContext db, ILoggerFactory loggers)
{
    public const int MaxAdvanceDays = 3650;
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public async Task<ClockView> HandleAsync(ClockMove request, Actor user, CancellationToken ct)
    {
        if (!environment.IsDevelopment() || time is not DemoClock clock)
        {
            throw new RefusalException(404, "Not found", "The demo clock exists only when the service runs in Development; the service's time was not changed.",
                detailZh: "演示时钟仅在服务以开发环境（Development）运行时提供；服务时间未作更改。");
        }

        var now = clock.GetUtcNow();
        var to = (request.AdvanceDays, request.To) switch
        {
            ({ } days, null) when days is >= 1 and <= MaxAdvanceDays => now.AddDays(days),
            ({ }, null) => throw RefusalException.Invalid("advanceDays", $"Advance by 1 to {MaxAdvanceDays} days; the clock never goes backwards.", $"请将时钟向前调整 1 至 {MaxAdvanceDays} 天；时钟不能回拨。"),
            (null, { } moment) => moment,
            _ => throw RefusalException.Invalid("advanceDays", "Give either advanceDays or to, not both and not neither.", "请填写 advanceDays 或 to 中的一项，不能同时填写，也不能都不填写。"),
        };
        if (!clock.TryMoveTo(to))
        {
            throw RefusalException.Invalid("to", $"{to:yyyy-MM-dd'T'HH:mm:ssK} is before the service's time {now.ToOffset(ChinaStandardTime):yyyy-MM-dd'T'HH:mm:ssK}: the clock never goes backwards.",
                $"{to:yyyy-MM-dd'T'HH:mm:ssK} 早于服务当前时间 {now.ToOffset(ChinaStandardTime):yyyy-MM-dd'T'HH:mm:ssK}：时钟不能回拨。");
        }

        loggers.CreateLogger("MiningRights.DemoClock").LogWarning("Demo clock moved by {User} from {From} to {To}", user.Name, now, to);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = user.Name,
            Action = "clock.moved",
            Detail = $"Demo clock moved from {now:O} to {to:O}. 演示时钟已调整。",
        });
        await db.SaveChangesAsync(ct);

        // What fell due in the skipped time is acted on now rather than at the next scheduled run. A run that finds the
        // last one still busy on its node is skipped (JobGate), so this does not race the schedule.
        recurring.Trigger(DeadlineSweepJob.Id);
        recurring.Trigger(OutboxDeliveryJob.Id);
        return ClockView.Of(clock, environment);
    }
}
