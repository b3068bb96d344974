using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Audit;

/// <summary>The tables this feature keeps, read as <c>db.AuditEvents</c>: the database context itself names no feature.</summary>
public static class AuditTables
{
    extension(MiningRightsDbContext db)
    {
        public DbSet<AuditEvent> AuditEvents => db.Set<AuditEvent>();
    }
}
