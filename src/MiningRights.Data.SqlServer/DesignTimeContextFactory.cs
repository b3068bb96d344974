namespace MiningRights.Data.SqlServer;

/// <summary>The context <c>dotnet ef</c> builds this assembly's migrations from; the argument after <c>--</c> is a connection string.</summary>
public sealed class DesignTimeContextFactory() : DesignTimeContext(new SqlServerProvider(), given => given ?? "Server=localhost;Database=miningrights;Integrated Security=true;TrustServerCertificate=true");
