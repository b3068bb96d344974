using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Ground;

/// <summary>The tables this feature keeps, read as <c>db.Footprints</c>: the database context itself names no feature.</summary>
public static class GroundTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<Footprint> Footprints => db.Set<Footprint>();

        public DbSet<GroundOverlap> GroundOverlaps => db.Set<GroundOverlap>();
    }
}
