using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MiningRights.Data.Postgres;

/// <summary>
/// How <c>dotnet ef</c> makes the context for this assembly's migrations without starting the web host
/// (<c>dotnet ef migrations add Name --project src/MiningRights.Data.Postgres</c>): configured exactly as the service
/// configures it. Adding a migration reads only the model and never connects; a command that touches a database
/// takes its connection string after <c>--</c> (<c>dotnet ef database update --project ... -- "Host=...;Database=..."</c>).
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<MiningRightsDbContext>
{
    public MiningRightsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MiningRightsDbContext>();
        new PostgresProvider().Configure(options, args.FirstOrDefault() ?? "Host=localhost;Database=miningrights");
        return new MiningRightsDbContext(options.Options);
    }
}
