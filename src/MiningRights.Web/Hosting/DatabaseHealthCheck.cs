using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MiningRights.Accounts;
using MiningRights.Data;

namespace MiningRights.Web.Hosting;

/// <summary>Healthy when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(MiningRightsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken) && await db.Jurisdictions.AnyAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Database answers.")
            : HealthCheckResult.Unhealthy("Database unreachable or not migrated.");
}
