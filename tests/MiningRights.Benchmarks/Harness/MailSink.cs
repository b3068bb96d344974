using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace MiningRights.Benchmarks.Harness;

/// <summary>
/// The SMTP server the delivery scenarios send to: maildev, read back through its REST API. The one named by the
/// MAILDEV_* variables when they are set (shared with others, so only this run's mail is ever deleted from it),
/// otherwise one this harness starts on free loopback ports and stops at the end.
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly Process? _process;
    private readonly string? _mailDirectory;

    private MailSink(string smtpHost, int smtpPort, Uri apiUrl, Process? process, string? mailDirectory)
    {
        SmtpHost = smtpHost;
        SmtpPort = smtpPort;
        ApiUrl = apiUrl;
        _process = process;
        _mailDirectory = mailDirectory;
        _http = new HttpClient { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string SmtpHost { get; }

    public int SmtpPort { get; }

    public Uri ApiUrl { get; }

    /// <summary>True when this harness started maildev and may therefore empty it.</summary>
    public bool Owned => _process is not null;

    public static async Task<MailSink> ConnectAsync(string repositoryRoot, CancellationToken ct)
    {
        var host = Environment.GetEnvironmentVariable("MAILDEV_SMTP_HOST");
        var port = Environment.GetEnvironmentVariable("MAILDEV_SMTP_PORT");
        var api = Environment.GetEnvironmentVariable("MAILDEV_API_URL");
        if (!string.IsNullOrEmpty(host) && !string.IsNullOrEmpty(port) && !string.IsNullOrEmpty(api))
        {
            var shared = new MailSink(host, int.Parse(port, CultureInfo.InvariantCulture), new Uri(api), null, null);
            await shared.WaitUntilReadyAsync(TimeSpan.FromSeconds(10), ct);
            return shared;
        }

        return await StartAsync(repositoryRoot, ct);
    }

    /// <summary>
    /// A maildev of its own on free loopback ports, for a run whose thousands of mails would slow every other reader of
    /// the shared one (its API answers with all messages at once).
    /// </summary>
    public static async Task<MailSink> StartAsync(string repositoryRoot, CancellationToken ct)
    {
        var executable = Path.Combine(repositoryRoot, "tests", "maildev", "node_modules", ".bin", "maildev");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} not found: run `npm ci` in tests/maildev, or set MAILDEV_SMTP_HOST, MAILDEV_SMTP_PORT and MAILDEV_API_URL.");
        }

        var smtpPort = FreePort();
        var webPort = FreePort();
        while (webPort == smtpPort)
        {
            webPort = FreePort();
        }

        var mailDirectory = Path.Combine(Path.GetTempPath(), "miningrights-bench-maildev-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--ip", "127.0.0.1", "--web-ip", "127.0.0.1",
            "--smtp", smtpPort.ToString(CultureInfo.InvariantCulture), "--web", webPort.ToString(CultureInfo.InvariantCulture),
            "--mail-directory", mailDirectory,
        })
        {
            start.ArgumentList.Add(argument);
        }

        // maildev reads MAILDEV_* variables as defaults for its options (relay host, mail directory, ...).
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MAILDEV_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("maildev did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var owned = new MailSink("127.0.0.1", smtpPort, new Uri($"http://127.0.0.1:{webPort}/"), process, mailDirectory);
        try
        {
            await owned.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), ct);
        }
        catch
        {
            await owned.DisposeAsync();
            throw;
        }

        return owned;
    }

    /// <summary>The Message-ID of every mail maildev holds for <paramref name="domain"/>: a notice received twice appears twice.</summary>
    public async Task<IReadOnlyList<string>> MessageIdsAsync(string domain, CancellationToken ct)
    {
        var suffix = "@" + domain;
        var all = JsonNode.Parse(await _http.GetStringAsync("email", ct))?.AsArray() ?? [];
        return all
            .Where(m => m?["to"]?.AsArray().Any(t => t?["address"]?.GetValue<string>().EndsWith(suffix, StringComparison.OrdinalIgnoreCase) == true) == true)
            .Select(m => m!["messageId"]?.GetValue<string>() ?? m["headers"]?["message-id"]?.GetValue<string>() ?? string.Empty)
            .ToList();
    }

    /// <summary>How many mails maildev holds addressed to <paramref name="domain"/>.</summary>
    public async Task<int> CountAsync(string domain, CancellationToken ct) => (await MailsAsync(domain, ct)).Count;

    /// <summary>Waits (bounded) until maildev holds at least <paramref name="expected"/> mails for the domain; returns how many it holds.</summary>
    public async Task<int> WaitForAsync(string domain, int expected, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var count = await CountAsync(domain, ct);
            if (count >= expected || DateTime.UtcNow > deadline)
            {
                return count;
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>Deletes this run's mail: everything when maildev is the harness's own, else only mail to <paramref name="domain"/>.</summary>
    public async Task RemoveAsync(string domain, CancellationToken ct)
    {
        if (Owned)
        {
            using var response = await _http.DeleteAsync("email/all", ct);
            response.EnsureSuccessStatusCode();
            return;
        }

        foreach (var id in await MailsAsync(domain, ct))
        {
            using var response = await _http.DeleteAsync("email/" + Uri.EscapeDataString(id), ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        if (_mailDirectory is not null && Directory.Exists(_mailDirectory))
        {
            Directory.Delete(_mailDirectory, recursive: true);
        }
    }

    private async Task<List<string>> MailsAsync(string domain, CancellationToken ct)
    {
        var suffix = "@" + domain;
        var all = JsonNode.Parse(await _http.GetStringAsync("email", ct))?.AsArray() ?? [];
        return all
            .Where(m => m?["to"]?.AsArray().Any(t => t?["address"]?.GetValue<string>().EndsWith(suffix, StringComparison.OrdinalIgnoreCase) == true) == true)
            .Select(m => m!["id"]!.GetValue<string>())
            .ToList();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"maildev exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await _http.GetAsync("email", ct);
                using var smtp = new TcpClient();
                await smtp.ConnectAsync(SmtpHost, SmtpPort, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or SocketException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"maildev at {ApiUrl} (SMTP {SmtpHost}:{SmtpPort}) is not answering.");
            }

            await Task.Delay(200, ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
