using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Calendar;

/// <summary>The tables this feature keeps, read as <c>db.CalendarFeeds</c>: the database context itself names no feature.</summary>
public static class CalendarTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<CalendarFeed> CalendarFeeds => db.Set<CalendarFeed>();
    }
}
