using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Policies;

/// <summary>The tables this feature keeps, read as <c>db.Rulebooks</c>: the database context itself names no feature.</summary>
public static class PoliciesTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<StoredRulebook> Rulebooks => db.Set<StoredRulebook>();
    }
}
