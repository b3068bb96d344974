using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Notifications;

/// <summary>The tables this feature keeps, read as <c>db.Notifications</c>: the database context itself names no feature.</summary>
public static class NotificationsTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<Notification> Notifications => db.Set<Notification>();
    }
}
