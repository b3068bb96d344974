using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Scheduling;
using MiningRights.Web.Hosting;
using Quartz;

namespace MiningRights.Web.Apis;

public static class AdminApi
{
    /// <summary>Move the clock by whole days, or to a moment; exactly one of the two.</summary>
    public sealed record ClockMove(int? AdvanceDays, DateTimeOffset? To);

    /// <summary>The service's time (in China Standard Time), how far it runs ahead of the system clock, and whether it can be moved.</summary>
    public sealed record ClockView(DateTimeOffset Now, double OffsetDays, bool Adjustable);

    private const int MaxAdvanceDays = 3650;
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static void MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/clock", GetClock).WithSummary("The service's current time.");
        group.MapPost("/clock", MoveClockAsync)
            .WithSummary("Development only: move the service's clock forward ({\"advanceDays\": n} or {\"to\": instant}) and run the deadline sweep and the delivery at once.");
    }

    public static Ok<ClockView> GetClock(TimeProvider time, IHostEnvironment environment) => TypedResults.Ok(View(time, environment));

    public static async Task<Ok<ClockView>> MoveClockAsync(
        ClockMove request,
        TimeProvider time,
        IHostEnvironment environment,
        ISchedulerFactory schedulers,
        MiningRightsDbContext db,
        HttpContext context,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        // Outside Development there is no demo clock at all: answered like any address that does not exist.
        if (!environment.IsDevelopment() || time is not DemoClock clock)
        {
            throw new RefusalException(404, "Not found", "The demo clock exists only when the service runs in Development; the service's time was not changed.");
        }

        var now = clock.GetUtcNow();
        var to = (request.AdvanceDays, request.To) switch
        {
            ({ } days, null) when days is >= 1 and <= MaxAdvanceDays => now.AddDays(days),
            ({ }, null) => throw RefusalException.Invalid("advanceDays", $"Advance by 1 to {MaxAdvanceDays} days; the clock never goes backwards."),
            (null, { } moment) => moment,
            _ => throw RefusalException.Invalid("advanceDays", "Give either advanceDays or to, not both and not neither."),
        };
        if (!clock.TryMoveTo(to))
        {
            throw RefusalException.Invalid("to", $"{to:yyyy-MM-dd'T'HH:mm:ssK} is before the service's time {now.ToOffset(ChinaStandardTime):yyyy-MM-dd'T'HH:mm:ssK}: the clock never goes backwards.");
        }

        var user = context.Current();
        loggers.CreateLogger("MiningRights.DemoClock").LogWarning("Demo clock moved by {User} from {From} to {To}", user.Name, now, to);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = user.Name,
            Action = "clock.moved",
            Detail = $"Demo clock moved from {now:O} to {to:O}. 演示时钟已调整。",
        });
        await db.SaveChangesAsync(ct);

        // What fell due in the skipped time is acted on now rather than at the next scheduled run. Quartz keeps each
        // job to one run at a time, so this does not race the schedule.
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(DeadlineSweepJob.Key, ct);
        await scheduler.TriggerJob(OutboxDeliveryJob.Key, ct);
        return TypedResults.Ok(View(clock, environment));
    }

    private static ClockView View(TimeProvider time, IHostEnvironment environment) =>
        new(time.GetUtcNow().ToOffset(ChinaStandardTime),
            time is DemoClock demo ? Math.Round(demo.Offset.TotalDays, 4) : 0,
            environment.IsDevelopment() && time is DemoClock);
}
