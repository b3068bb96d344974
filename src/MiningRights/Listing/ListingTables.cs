using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Listing;

/// <summary>The tables this feature keeps, read as <c>db.Blocks</c>: the database context itself names no feature.</summary>
public static class ListingTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<TransferBlock> Blocks => db.Set<TransferBlock>();

        public DbSet<TransferPlan> TransferPlans => db.Set<TransferPlan>();

        public DbSet<TransferAnnouncement> Announcements => db.Set<TransferAnnouncement>();

        public DbSet<DisclosureObjection> Objections => db.Set<DisclosureObjection>();
    }
}
