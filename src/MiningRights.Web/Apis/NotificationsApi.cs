using Microsoft.AspNetCore.Http.HttpResults;
using MiningRights.Accounts;
using MiningRights.Notifications;
using MiningRights.Paging;

namespace MiningRights.Web.Apis;

public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Authority));
        group.MapGet("/", ListAsync).WithSummary("The outbox, newest first: pending, sent and dead notices (status=dead for those given up on).");
    }

    public static async Task<Ok<Page<NotificationView>>> ListAsync(NotificationQueries queries, HttpContext context, CancellationToken ct,
        string? status = null, Guid? instanceId = null, string? cursor = null, int? pageSize = null) =>
        TypedResults.Ok(await queries.ListAsync(context.Current(), EnumText.Parse<NotificationStatus>(status, "status"), instanceId, PageRequest.From(cursor, pageSize), ct));
}
