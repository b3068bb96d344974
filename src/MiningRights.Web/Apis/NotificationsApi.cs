using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Notifications;
using MiningRights.Rights;

namespace MiningRights.Web.Apis;

public static class NotificationsApi
{
    public sealed record NotificationDto(Guid Id, Guid RightId, string Stage, string RuleId, string Recipient, string Language, string Subject, NotificationStatus Status, int Attempts, DateTime NextAttemptAtUtc, string? LastError, DateTime CreatedAtUtc, DateTime? SentAtUtc);

    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Authority));
        group.MapGet("/", ListAsync).WithSummary("The outbox: pending, sent and dead notices (status=dead for those given up on).");
    }

    public static async Task<Ok<Page<NotificationDto>>> ListAsync(
        MiningRightsDbContext db,
        RightAccess access,
        HttpContext context,
        CancellationToken ct,
        string? status = null,
        Guid? rightId = null,
        int? page = null,
        int? pageSize = null)
    {
        var (skip, take) = Paging.Window(page, pageSize);
        var rights = (await access.VisibleAsync(context.Current(), ct)).Select(r => r.Id);
        var query = db.Notifications.AsNoTracking().Where(n => rights.Contains(n.RightId));
        if (EnumText.Parse<NotificationStatus>(status, "status") is { } wanted)
        {
            query = query.Where(n => n.Status == wanted);
        }

        if (rightId is not null)
        {
            query = query.Where(n => n.RightId == rightId);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(n => n.CreatedAtUtc).Skip(skip).Take(take)
            .Select(n => new NotificationDto(n.Id, n.RightId, n.Stage, n.RuleId, n.Recipient, n.Language, n.Subject, n.Status, n.Attempts, n.NextAttemptAtUtc, n.LastError, n.CreatedAtUtc, n.SentAtUtc))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<NotificationDto>(rows, page ?? 1, take, total));
    }
}
