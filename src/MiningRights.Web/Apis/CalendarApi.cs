using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Calendar;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Hosting;

namespace MiningRights.Web.Apis;

/// <summary>The holder's deadlines as an iCalendar feed (RFC 5545) at a secret, rotatable address.</summary>
public static class CalendarApi
{
    public sealed record FeedAddress(string Url);

    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        // The feed is read by calendar applications, which cannot sign in: the secret address is the key.
        app.MapGet("/calendar/{token}.ics", FeedAsync).AllowAnonymous().WithTags("Calendar")
            .WithSummary("A holder's open deadlines as an iCalendar feed (text/calendar): one all-day event per deadline with its rule and a link. The address is secret; an unknown or rotated one is 404.");
        var mine = app.MapGroup("/api/holders/me/calendar").WithTags("Calendar").RequireAuthorization(p => p.RequireRole(Roles.Holder));
        mine.MapGet("/", AddressAsync).WithSummary("The address of your calendar feed, made on first use.");
        mine.MapPost("/rotate", RotateAsync).OfferedOn("/holder/deadlines", "Rotate").WithSummary("A new address for your calendar feed; the old one stops working at once.");
    }

    public static async Task<ContentHttpResult> FeedAsync(string token, DeadlineFeed feed, HttpContext context, CancellationToken ct)
    {
        var text = await feed.RenderAsync(token, Site(context), ct);
        return text is null
            ? throw RefusalException.NotFound("Calendar feed", "日历订阅")
            : TypedResults.Text(text, "text/calendar; charset=utf-8");
    }

    public static async Task<Ok<FeedAddress>> AddressAsync(DeadlineFeed feed, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(Address(context, await feed.TokenAsync(context.Current().HolderId!.Value, ct)));

    public static async Task<Ok<FeedAddress>> RotateAsync(DeadlineFeed feed, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(Address(context, await feed.RotateAsync(context.Current().HolderId!.Value, ct)));

    private static FeedAddress Address(HttpContext context, string token) =>
        new(context.RequestServices.GetRequiredService<PublicAddress>().CalendarFeed(context.Request, token).ToString());

    private static Uri Site(HttpContext context) => context.RequestServices.GetRequiredService<PublicAddress>().Site(context.Request);
}
