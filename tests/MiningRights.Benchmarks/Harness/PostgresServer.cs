using Npgsql;

namespace MiningRights.Benchmarks.Harness;

/// <summary>Statements on the PostgreSQL server itself (creating and dropping the databases of runs).</summary>
public static class PostgresServer
{
    public static async Task ExecuteAsync(string server, string sql, CancellationToken ct)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
