using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Cases;

/// <summary>The tables this feature keeps, read as <c>db.Cases</c>: the database context itself names no feature.</summary>
public static class CasesTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<Case> Cases => db.Set<Case>();
    }
}
