using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Policies;
using MiningRights.Rights;

namespace MiningRights.Web.Apis;

public static class DeadlinesApi
{
    public sealed record DeadlineDto(
        Guid Id,
        Guid RightId,
        string LicenseNumber,
        Guid InstanceId,
        string Name,
        string WhatZh,
        string WhatEn,
        DateOnly DueOn,
        int DaysLeft,
        string RuleId,
        string RuleSourceZh,
        string RuleSourceEn,
        DeadlineState State,
        IReadOnlyList<int> ReminderDaysBefore,
        IReadOnlyList<int> RemindersDone,
        string? NextStage,
        DateTime? NextActionAtUtc);

    public static void MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deadlines").WithTags("Deadlines").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Open deadlines of the rights the caller may see, soonest first (a holder: its upcoming deadlines).");
        group.MapGet("/{id:guid}", GetAsync);
    }

    public static async Task<Ok<Page<DeadlineDto>>> ListAsync(
        RightAccess access,
        MiningRightsDbContext db,
        TimeProvider time,
        HttpContext context,
        CancellationToken ct,
        int? withinDays = null,
        int? page = null,
        int? pageSize = null)
    {
        var (skip, take) = Paging.Window(page, pageSize);
        var rights = await access.VisibleAsync(context.Current(), ct);
        var query = db.Deadlines.AsNoTracking()
            .Where(d => d.State == DeadlineState.Open && !d.Escalation)
            .Join(rights, d => d.RightId, r => r.Id, (d, r) => new { Deadline = d, r.LicenseNumber });
        if (withinDays is { } days)
        {
            if (days is < 0 or > 3660)
            {
                throw RefusalException.Invalid("withinDays", "withinDays must be between 0 and 3660.");
            }

            var until = ProvinceCalendar.China.DateAt(time.GetUtcNow()).AddDays(days);
            query = query.Where(x => x.Deadline.DueOn <= until);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.Deadline.DueOn).ThenBy(x => x.LicenseNumber).Skip(skip).Take(take).ToListAsync(ct);
        return TypedResults.Ok(new Page<DeadlineDto>(rows.Select(x => ToDto(x.Deadline, x.LicenseNumber, time)).ToList(), page ?? 1, take, total));
    }

    public static async Task<Ok<DeadlineDto>> GetAsync(Guid id, RightAccess access, MiningRightsDbContext db, TimeProvider time, HttpContext context, CancellationToken ct)
    {
        var deadline = await db.Deadlines.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw RefusalException.NotFound($"Deadline {id}");
        var right = await access.GetAsync(context.Current(), deadline.RightId, ct);
        return TypedResults.Ok(ToDto(deadline, right.LicenseNumber, time));
    }

    public static DeadlineDto ToDto(Deadline d, string licenseNumber, TimeProvider time)
    {
        var rule = PolicyCatalog.Get(d.RuleId);
        return new DeadlineDto(d.Id, d.RightId, licenseNumber, d.InstanceId, d.Name, d.WhatZh, d.WhatEn, d.DueOn,
            ProvinceCalendar.China.DaysLeft(d.DueOn, time.GetUtcNow()), d.RuleId, rule.SourceZh, rule.SourceEn, d.State,
            d.Reminders, d.Done, d.NextStage, d.NextActionAtUtc);
    }
}
