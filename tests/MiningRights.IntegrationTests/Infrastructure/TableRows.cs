using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>
/// How many rows each table of the EF model holds, read with one <c>COUNT(*)</c> per table, so that "nothing was written"
/// is checked on every table the service has, a table added later included, on either provider.
/// </summary>
public static class TableRows
{
    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var sql = db.GetService<ISqlGenerationHelper>();

        // Owned types and table splitting map several entity types to one table: each table is counted once.
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .Select(e => (Name: e.GetTableName()!, Schema: e.GetSchema()))
            .Distinct()
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (name, schema) in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(name, schema)}";
                counts[schema is null ? name : $"{schema}.{name}"] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }

            return counts;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
