using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MiningRights.Benchmarks.Harness;

/// <summary>
/// One node: the built service (<c>src/MiningRights.Web</c>, Release) as a process of its own on the system clock,
/// configured only through environment variables, as an operator would run it. It reads what the node did from the
/// node's own log: the reminders its sweeps handled and the notices its deliveries sent.
/// </summary>
public sealed partial class ServiceNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private int _reminders;
    private int _sent;

    private ServiceNode(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Read(e.Data);
        _process.ErrorDataReceived += (_, e) => Read(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>Due reminder stages this node's sweeps handled.</summary>
    public int Reminders => Volatile.Read(ref _reminders);

    /// <summary>Notices this node's deliveries handed to the mail server.</summary>
    public int Sent => Volatile.Read(ref _sent);

    public bool HasExited => _process.HasExited;

    /// <summary>Processor time the node has used since it started, on all cores (user and system).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// The node's resident memory now and its peak since it started (<c>VmRSS</c> and <c>VmHWM</c> of
    /// <c>/proc/PID/status</c>: the process is the service itself, <c>dotnet</c> hosts it in-process), or null where
    /// there is no /proc or the node has exited.
    /// </summary>
    public ResidentMemory? Memory()
    {
        try
        {
            long? Kilobytes(string[] lines, string field) =>
                lines.FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal)) is { } line
                    ? long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
                    : null;
            var status = File.ReadAllLines($"/proc/{_process.Id}/status");
            return Kilobytes(status, "VmRSS") is { } rss && Kilobytes(status, "VmHWM") is { } peak
                ? new ResidentMemory(rss * 1024, peak * 1024, (Kilobytes(status, "RssAnon") ?? 0) * 1024, (Kilobytes(status, "RssFile") ?? 0) * 1024,
                    (Kilobytes(status, "RssShmem") ?? 0) * 1024)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }

    public string Log => string.Join(Environment.NewLine, _log);

    /// <summary>The address the node listens on, from its log (it binds a free port).</summary>
    public Uri? Address => _log.Select(line => ListeningLine().Match(line)).FirstOrDefault(m => m.Success) is { } found ? new Uri(found.Groups[1].Value) : null;

    /// <summary>Starts a node of the service built under <paramref name="repositoryRoot"/> with <paramref name="settings"/>.</summary>
    public static ServiceNode Start(string repositoryRoot, string name, IReadOnlyDictionary<string, string> settings, string environment = "Production")
    {
        var binary = Path.Combine(repositoryRoot, "src", "MiningRights.Web", "bin", "Release", "net10.0");
        var dll = Path.Combine(binary, "MiningRights.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution in Release first (dotnet build -c Release).");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = binary,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Workflows__Directory"] = Path.Combine(repositoryRoot, "workflows");
        start.Environment["Demo__Seed"] = "false";

        // Required in Production; host filtering ignores the port, which is only known once the node listens.
        start.Environment["Service__PublicBaseUrl"] = "http://127.0.0.1/";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return new ServiceNode(name, Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>
    /// Waits until the host says it has started (its database checked, its schedule running); throws when the process
    /// exits first or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task WaitUntilStartedAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_log.Any(line => line.Contains("Application started", StringComparison.Ordinal)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Node {Name} {(_process.HasExited ? "exited" : "did not start in time")}:{Environment.NewLine}{Log}");
            }

            await Task.Delay(50, ct);
        }
    }

    /// <summary>Ends the node at once, as a crash would (SIGKILL): no shutdown, no last writes.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        if (SweepLine().Match(line) is { Success: true } sweep)
        {
            Interlocked.Add(ref _reminders, int.Parse(sweep.Groups[1].Value, CultureInfo.InvariantCulture));
        }
        else if (DeliveryLine().Match(line) is { Success: true } delivery)
        {
            Interlocked.Add(ref _sent, int.Parse(delivery.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Resident memory of a node, now and at its peak, in bytes; of the resident memory now, how much is the process's
    /// own (anonymous: heaps, stacks), how much is mapped files (the runtime's and the libraries' code, which other
    /// processes of the same runtime share) and how much shared memory (the JIT's code, which the runtime maps twice,
    /// writable and executable, through a memfd: counted once per mapping).
    /// </summary>
    public readonly record struct ResidentMemory(long ResidentBytes, long PeakBytes, long AnonymousBytes, long FileBytes, long SharedBytes);

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"Deadline sweep: (\d+) reminders")]
    private static partial Regex SweepLine();

    [GeneratedRegex(@"Outbox delivery: (\d+) sent")]
    private static partial Regex DeliveryLine();
}
