using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP port in front of the real SMTP server that the test can close and open: closed, connections are refused
/// as when the mail server is down; open, each connection is forwarded to maildev. It can also refuse recipients, for
/// good as a mail server does for a mailbox that does not exist (<c>550</c>) or for now (<c>451</c>): it reads the
/// client's commands line by line and answers <c>RCPT TO</c> for such an address itself, forwarding everything else.
/// It counts the connections made through it.
/// </summary>
public sealed class SmtpGate : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, string> _refused = new(StringComparer.OrdinalIgnoreCase);
    private int _connections;
    private CancellationTokenSource _dropOpen = new();
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

    /// <summary>The connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>
    /// From now on every <c>RCPT TO</c> for <paramref name="address"/> is answered with <paramref name="reply"/>, by
    /// default <c>550 5.1.1 &lt;address&gt;: mailbox unavailable</c>.
    /// </summary>
    public void RefuseRecipient(string address, string? reply = null) => _refused[address] = reply ?? $"550 5.1.1 <{address}>: mailbox unavailable";

    /// <summary>Closes every connection open through the gate, as a mail server does that drops its clients; new ones are accepted.</summary>
    public void DropConnections() => Interlocked.Exchange(ref _dropOpen, new CancellationTokenSource()).Cancel();

    /// <summary>New connections forward <c>RCPT TO</c> for <paramref name="address"/> to the server again.</summary>
    public void AcceptRecipient(string address) => _refused.TryRemove(address, out _);

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

            Interlocked.Increment(ref _connections);
            _ = ForwardAsync(client, CancellationTokenSource.CreateLinkedTokenSource(ct, Volatile.Read(ref _dropOpen).Token).Token);
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
            var relay = !_refused.IsEmpty;
            var up = relay ? RelayCommandsAsync(a, b, ct) : a.CopyToAsync(b, ct);
            var down = relay ? RelayRepliesAsync(b, a, ct) : b.CopyToAsync(a, ct);
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
    /// content), which the gate answers itself. The client waits for each reply (<see cref="RelayRepliesAsync"/> hides
    /// pipelining), so the gate's reply never crosses one of the server's.
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
                var refusal = inContent || !text.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase) ? null
                    : _refused.FirstOrDefault(r => text.Contains("<" + r.Key + ">", StringComparison.OrdinalIgnoreCase)).Value;
                if (refusal is not null)
                {
                    await client.WriteAsync(Encoding.ASCII.GetBytes(refusal + "\r\n"), ct);
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

    /// <summary>
    /// Forwards the server's replies line by line, with <c>PIPELINING</c> taken out of its <c>EHLO</c> reply: a client
    /// that may not pipeline sends each command after the reply to the one before.
    /// </summary>
    private static async Task RelayRepliesAsync(Stream server, Stream client, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var pending = new MemoryStream();
        int read;
        while ((read = await server.ReadAsync(buffer, ct)) > 0)
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
                if (text.Length > 4 && text.StartsWith("250", StringComparison.Ordinal) && text[4..].Equals("PIPELINING", StringComparison.OrdinalIgnoreCase))
                {
                    // Kept as a line of the same kind (more to come, or the last), saying nothing the client knows.
                    line = Encoding.ASCII.GetBytes(text[..4] + "X-NO-PIPELINING\r\n");
                }

                await client.WriteAsync(line, ct);
            }

            pending.Write(buffer, start, read - start);
        }
    }
}
