namespace MiningRights.Data.Sqlite;

/// <summary>The context <c>dotnet ef</c> builds this assembly's migrations from; the argument after <c>--</c> is a data folder.</summary>
public sealed class DesignTimeContextFactory() : DesignTimeContext(new SqliteProvider(), folder => SqliteProvider.ConnectionStringFor(folder ?? "data"));
