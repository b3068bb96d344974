using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Scheduling;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Demo;

namespace MiningRights.Web.Apis;

public static class AdminApi
{
    public static void MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/clock", GetClock).WithSummary("The service's current time.");
        group.MapPost("/clock", MoveClockAsync).ApiOnly("demo clock control: Development only (the /admin form shows only there)")
            .WithSummary("Development only: move the service's clock forward ({\"advanceDays\": n} or {\"to\": instant}) and run the deadline sweep and the delivery at once.");
    }

    public static Ok<ClockView> GetClock(TimeProvider time, IHostEnvironment environment) => TypedResults.Ok(ClockView.Of(time, environment));

    public static async Task<Ok<ClockView>> MoveClockAsync(ClockMove request, MoveDemoClock handler, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(request, context.Current(), ct));
}
