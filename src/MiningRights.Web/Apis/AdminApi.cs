using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Scheduling;
using MiningRights.Web.Hosting;

namespace MiningRights.Web.Apis;

public static class AdminApi
{
    /// <summary>Move the clock by whole days, or to a moment; exactly one of the two.</summary>
    public sealed record ClockMove(int? AdvanceDays, DateTimeOffset? To);

    /// <summary>The service's time (in China Standard Time), how far it runs ahead of the system clock, and whether it can be moved.</summary>
    public sealed record ClockView(DateTimeOffset Now, double OffsetDays, bool Adjustable);

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static void MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/clock", GetClock).WithSummary("The service's current time.");
        group.MapPost("/clock", MoveClockAsync).ApiOnly("demo clock control: Development only (the /admin form shows only there)")
            .WithSummary("Development only: move the service's clock forward ({\"advanceDays\": n} or {\"to\": instant}) and run the deadline sweep and the delivery at once.");
    }

    public static Ok<ClockView> GetClock(TimeProvider time, IHostEnvironment environment) => TypedResults.Ok(View(time, environment));

    public static async Task<Ok<ClockView>> MoveClockAsync(ClockMove request, MoveDemoClock handler, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(request, context.Current(), ct));

    public static ClockView View(TimeProvider time, IHostEnvironment environment) =>
        new(time.GetUtcNow().ToOffset(ChinaStandardTime),
            time is DemoClock demo ? Math.Round(demo.Offset.TotalDays, 4) : 0,
            environment.IsDevelopment() && time is DemoClock);
}
