using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MiningRights.Data.Sqlite;

/// <summary>
/// How <c>dotnet ef</c> makes the context for this assembly's migrations without starting the web host
/// (<c>dotnet ef migrations add Name --project src/MiningRights.Data.Sqlite</c>): configured exactly as the service
/// configures it. Adding a migration reads only the model; the file named here is opened only by commands that touch a
/// database (<c>dotnet ef database update</c>).
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<MiningRightsDbContext>
{
    public MiningRightsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MiningRightsDbContext>();
        new SqliteProvider().Configure(options, SqliteProvider.ConnectionStringFor(args.FirstOrDefault() ?? "data"));
        return new MiningRightsDbContext(options.Options);
    }
}
