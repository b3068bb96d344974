using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP port in front of the real SMTP server that the test can close and open: closed, connections are refused
/// as when the mail server is down; open, each connection is forwarded to maildev. It can also refuse one recipient
/// for good, as a mail server does for a mailbox that does not exist: it reads the client's commands line by line and
/// answers <c>RCPT TO</c> for that address itself with a permanent <c>550</c>, forwarding everything else.
/// </summary>
public sealed class SmtpGate : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private TcpListener? _listener;
    private Task? _accepting;

    public SmtpGate()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    /// <summary>From now on every <c>RCPT TO</c> for <paramref name="address"/> is answered <c>550 5.1.1</c>.</summary>
    public void RefuseRecipient(string address) => _refused[address] = true;

    public void Open()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        if (_accepting is not null)
        {
            try
            {
                await _accepting;
            }
            catch (OperationCanceledException)
            {
                // Closing the gate ends the accept loop.
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client, ct);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken ct)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            await upstream.ConnectAsync(MailDev.SmtpHost, MailDev.SmtpPort, ct);
            var a = client.GetStream();
            var b = upstream.GetStream();
            var up = _refused.IsEmpty ? a.CopyToAsync(b, ct) : RelayCommandsAsync(a, b, ct);
            var down = b.CopyToAsync(a, ct);
            try
            {
                await Task.WhenAny(up, down);
            }
            catch (IOException)
            {
                // A side closed the connection.
            }
        }
    }

    /// <summary>
    /// Forwards the client's lines to the server, except <c>RCPT TO</c> for a refused address (outside a message's
    /// content), which the gate answers itself. The client waits for each reply, so the gate's reply never crosses one
    /// of the server's.
    /// </summary>
    private async Task RelayCommandsAsync(Stream client, Stream server, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var pending = new MemoryStream();
        var inContent = false;
        int read;
        while ((read = await client.ReadAsync(buffer, ct)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                pending.Write(buffer, start, i + 1 - start);
                start = i + 1;
                var line = pending.ToArray();
                pending.SetLength(0);
                var text = Encoding.Latin1.GetString(line).TrimEnd('\r', '\n');
                if (!inContent && text.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase) && _refused.Keys.Any(r => text.Contains("<" + r + ">", StringComparison.OrdinalIgnoreCase)))
                {
                    await client.WriteAsync(Encoding.ASCII.GetBytes($"550 5.1.1 {text[8..].Trim()}: mailbox unavailable\r\n"), ct);
                    continue;
                }

                await server.WriteAsync(line, ct);
                if (!inContent && text.Equals("DATA", StringComparison.OrdinalIgnoreCase))
                {
                    inContent = true;
                }
                else if (inContent && text == ".")
                {
                    inContent = false;
                }
            }

            pending.Write(buffer, start, read - start);
        }
    }
}
