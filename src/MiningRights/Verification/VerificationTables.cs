using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Verification;

/// <summary>The tables this feature keeps, read as <c>db.VerificationBatches</c>: the database context itself names no feature.</summary>
public static class VerificationTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<VerificationBatch> VerificationBatches => db.Set<VerificationBatch>();

        public DbSet<VerificationTask> VerificationTasks => db.Set<VerificationTask>();
    }
}
