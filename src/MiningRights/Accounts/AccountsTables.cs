using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Accounts;

/// <summary>The tables this feature keeps, read as <c>db.Jurisdictions</c>: the database context itself names no feature.</summary>
public static class AccountsTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<Jurisdiction> Jurisdictions => db.Set<Jurisdiction>();

        public DbSet<Holder> Holders => db.Set<Holder>();
    }
}
