using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Decisions;

/// <summary>The tables this feature keeps, read as <c>db.Decisions</c>: the database context itself names no feature.</summary>
public static class DecisionsTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<Decision> Decisions => db.Set<Decision>();
    }
}
