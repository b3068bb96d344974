using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Paging;

namespace MiningRights.Calendar;

/// <summary>
/// A holder's deadlines as an iCalendar feed at a secret address, so that a calendar application subscribes once: one
/// all-day event per open deadline on its due day, with a stable UID, the rule and where it is written, what to do and
/// a link to the right. The address carries a random token the holder may rotate, which ends the old address at once.
/// </summary>
public sealed class DeadlineFeed(MiningRightsDbContext db, DeadlineQueries deadlines, TimeProvider time)
{
    private const int MostEvents = 1000;

    /// <summary>The holder's current token, made on first use.</summary>
    public async Task<string> TokenAsync(Guid holderId, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.HolderId == holderId, ct);
        if (feed is not null)
        {
            return feed.Token;
        }

        feed = new CalendarFeed { HolderId = holderId, Token = NewToken(), CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return feed.Token;
    }

    /// <summary>A new token for the holder; the old address stops working.</summary>
    public async Task<string> RotateAsync(Guid holderId, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.HolderId == holderId, ct);
        var token = NewToken();
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { HolderId = holderId, Token = token, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
        }
        else
        {
            feed.Token = token;
            feed.CreatedAtUtc = time.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The feed of the holder whose token this is, or null for a token that is no one's (the caller answers 404).</summary>
    public async Task<string?> RenderAsync(string token, Uri site, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100)
        {
            return null;
        }

        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.Token == token, ct);
        if (feed is null)
        {
            return null;
        }

        // The address stands for the holder's accounts: with none left that may sign in (deleted, or locked by an
        // administrator), it answers as an unknown one. Lockout ends are compared here: SQLite cannot order them.
        var lockouts = await db.Users.Where(u => u.HolderId == feed.HolderId).Select(u => u.LockoutEnd).ToListAsync(ct);
        if (!lockouts.Any(end => end is null || end <= DateTimeOffset.UtcNow))
        {
            return null;
        }

        var holder = new Actor("calendar", [Roles.Holder], feed.HolderId);
        var events = new List<DeadlineView>();
        string? cursor = null;
        do
        {
            var page = await deadlines.ListAsync(holder, null, PageRequest.From(cursor, PageRequest.MaxSize), ct);
            events.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null && events.Count < MostEvents);

        return DeadlineCalendar.Write(events, time.GetUtcNow().UtcDateTime, site);
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
