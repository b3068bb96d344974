using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Plans;

/// <summary>The tables this feature keeps, read as <c>db.Plans</c>: the database context itself names no feature.</summary>
public static class PlansTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<PlanDocument> Plans => db.Set<PlanDocument>();
    }
}
