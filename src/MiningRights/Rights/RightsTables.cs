using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Rights;

/// <summary>The tables this feature keeps, read as <c>db.Rights</c>: the database context itself names no feature.</summary>
public static class RightsTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<MiningRight> Rights => db.Set<MiningRight>();
    }
}
