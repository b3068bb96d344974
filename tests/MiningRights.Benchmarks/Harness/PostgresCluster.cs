using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MiningRights.Benchmarks.Harness;

/// <summary>
/// A PostgreSQL server of its own (Debian's package, <c>initdb</c> into a temporary folder, a free loopback port), for a
/// test that stops and starts the server under a running service without disturbing the other tests' server. As root
/// the cluster belongs to the <c>postgres</c> user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private PostgresCluster(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    /// <summary>The server as a connection string without a database, like <c>MININGRIGHTS_TEST_POSTGRES</c>.</summary>
    public string Server => $"Host=127.0.0.1;Port={_port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Maximum Pool Size=20";

    private string Data => Path.Combine(_folder, "data");

    public static async Task<PostgresCluster> CreateAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("No PostgreSQL server under /usr/lib/postgresql/*/bin: run the tests with `bash tests/run.sh`, which installs it.");
        }

        var folder = Directory.CreateTempSubdirectory("miningrights-pg-restart-").FullName;
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:", folder]);
        }

        var cluster = new PostgresCluster(bin, folder, FreePort());
        try
        {
            await cluster.AsPostgresAsync("initdb", ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
            await cluster.StartAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public Task StartAsync() => AsPostgresAsync("pg_ctl", [
        "start", "-D", Data, "-w", "-t", "60", "-l", Path.Combine(_folder, "server.log"),
        "-o", $"-c listen_addresses=127.0.0.1 -c port={_port.ToString(CultureInfo.InvariantCulture)} -c unix_socket_directories={_folder} -c fsync=off -c synchronous_commit=off -c max_connections=200",
    ]);

    /// <summary>Stops the server as an operator's restart does (<c>-m fast</c>): open sessions are ended, transactions rolled back.</summary>
    public Task StopAsync() => AsPostgresAsync("pg_ctl", ["stop", "-D", Data, "-m", "fast", "-w", "-t", "60"]);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try
            {
                await AsPostgresAsync("pg_ctl", ["stop", "-D", Data, "-m", "immediate", "-w"]);
            }
            catch (InvalidOperationException)
            {
                // Already stopping; the folder goes anyway.
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task AsPostgresAsync(string tool, IReadOnlyList<string> arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
