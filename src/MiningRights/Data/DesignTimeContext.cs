using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MiningRights.Data;

/// <summary>
/// How <c>dotnet ef</c> makes the context for a provider assembly's migrations without starting the web host
/// (<c>dotnet ef migrations add Name --project src/MiningRights.Data.Postgres</c>): configured exactly as the service
/// configures it. Adding a migration reads only the model; the connection is opened only by commands that touch a
/// database, which take it after <c>--</c> (<c>dotnet ef database update --project ... -- "connection string"</c>).
/// Each provider assembly derives one, naming its provider and the connection used when none is given.
/// </summary>
public abstract class DesignTimeContext(DatabaseProvider provider, Func<string?, string> connectionString) : IDesignTimeDbContextFactory<MiningRightsDbContext>
{
    public MiningRightsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MiningRightsDbContext>();
        provider.Configure(options, connectionString(args.FirstOrDefault()));
        return new MiningRightsDbContext(options.Options);
    }
}
