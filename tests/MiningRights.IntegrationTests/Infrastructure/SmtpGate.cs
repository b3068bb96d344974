using System.Net;
using System.Net.Sockets;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP port in front of the real SMTP server that the test can close and open: closed, connections are refused
/// as when the mail server is down; open, each connection is forwarded to maildev.
/// </summary>
public sealed class SmtpGate : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
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

    private static async Task AcceptAsync(TcpListener listener, CancellationToken ct)
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

    private static async Task ForwardAsync(TcpClient client, CancellationToken ct)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            await upstream.ConnectAsync(MailDev.SmtpHost, MailDev.SmtpPort, ct);
            var a = client.GetStream();
            var b = upstream.GetStream();
            var up = a.CopyToAsync(b, ct);
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
}
