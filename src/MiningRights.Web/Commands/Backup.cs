using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Data;
using MiningRights.Storage;

namespace MiningRights.Web.Commands;

/// <summary>
/// <c>backup DIR</c>: an online, consistent copy of the embedded database and the files the service keeps, taken while
/// the service runs. The database is copied with SQLite's online backup (a snapshot of one committed state, whatever
/// is being written meanwhile); then the uploaded plans and evidence and the key ring. Files are stored by content and
/// never changed, so every file the snapshot names was on disk before the snapshot and is copied; a file uploaded during
/// the copy is copied or not, and is unknown to the snapshot either way. Restore by starting the service with
/// <c>Storage__DataDirectory=DIR</c>. On PostgreSQL the database is the server's to back up (pg_dump): the command says so.
/// </summary>
public static class Backup
{
    private static readonly string[] Folders = ["plans", "evidence", "keys"];
    private const string DatabaseFile = "miningrights.db";

    public static async Task<int> BackupAsync(this WebApplication app, string? target, TextWriter output)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            await output.WriteLineAsync("Usage: backup DIR (a folder that does not exist yet, or is empty).");
            return 2;
        }

        var folder = Path.GetFullPath(target);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            await output.WriteLineAsync($"{folder} is not empty: a backup goes into a new or empty folder, so it never mixes with another.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        if (db.Database.GetDbConnection() is not SqliteConnection)
        {
            await output.WriteLineAsync($"The database is {db.Database.ProviderName}: back it up with the server's own tools (pg_dump), and copy the data folder's plans/, evidence/ and keys/.");
            return 2;
        }

        var storage = scope.ServiceProvider.GetRequiredService<IOptions<StorageOptions>>().Value;
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, DatabaseFile);
        await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ConnectionString))
        {
            await source.OpenAsync();
            await destination.OpenAsync();
            source.BackupDatabase(destination);
        }

        var files = 0;
        foreach (var name in Folders)
        {
            var from = Path.Combine(storage.FullDataDirectory, name);
            if (!Directory.Exists(from))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(folder, name, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
                files++;
            }
        }

        SqliteConnection.ClearAllPools();
        await output.WriteLineAsync($"Backed up the database ({new FileInfo(copy).Length:N0} bytes) and {files} files to {folder}. Restore: start the service with Storage__DataDirectory={folder}.");
        return 0;
    }
}
