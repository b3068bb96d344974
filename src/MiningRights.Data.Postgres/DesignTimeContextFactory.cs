namespace MiningRights.Data.Postgres;

/// <summary>The context <c>dotnet ef</c> builds this assembly's migrations from; the argument after <c>--</c> is a connection string.</summary>
public sealed class DesignTimeContextFactory() : DesignTimeContext(new PostgresProvider(), given => given ?? "Host=localhost;Database=miningrights");
