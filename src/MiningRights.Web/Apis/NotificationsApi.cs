using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Notifications;
using MiningRights.Paging;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Requests;

namespace MiningRights.Web.Apis;

public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/holders/me/notices", ReceivedAsync).WithTags("Notifications").RequireAuthorization(p => p.RequireRole(Roles.Holder))
            .WithSummary("The notices sent to your contact addresses, newest first: reminders, overdue notices, decisions, each with its rule.");
        var group = app.MapGroup("/api/notifications").WithTags("Notifications")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Authority));
        group.MapPost("/{id:guid}/retry", RetryAsync).OfferedOn("/admin", "RetryNotice").RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Put a dead notice back in the outbox: it goes out at the next delivery, its tries counted afresh (409 unless dead).");
        group.MapGet("/", ListAsync).WithSummary("The outbox, newest first: pending, sent and dead notices (status=dead for those given up on).");
    }

    public static async Task<Ok<Page<NotificationQueries.ReceivedNotice>>> ReceivedAsync(NotificationQueries queries, HttpContext context, CancellationToken ct,
        string? cursor = null, int? pageSize = null) =>
        TypedResults.Ok(await queries.ReceivedAsync(context.Current(), PageRequest.From(cursor, pageSize), ct));

    public static async Task<NoContent> RetryAsync(Guid id, RetryDeadNotice handler, HttpContext context, CancellationToken ct)
    {
        await handler.HandleAsync(id, context.Current(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<Page<NotificationView>>> ListAsync(NotificationQueries queries, HttpContext context, CancellationToken ct,
        string? status = null, Guid? instanceId = null, string? cursor = null, int? pageSize = null) =>
        TypedResults.Ok(await queries.ListAsync(context.Current(), EnumText.Parse<NotificationStatus>(status, "status"), instanceId, PageRequest.From(cursor, pageSize), ct));
}
