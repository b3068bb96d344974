using System.Net;
using System.Net.Sockets;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>A TCP port in front of maildev that counts the SMTP connections made through it, and how many were open at once.</summary>
internal sealed class CountingSmtpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;
    private int _open;
    private int _mostOpen;

    public CountingSmtpProxy()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public int Connections => Volatile.Read(ref _connections);

    public int MostOpenAtOnce => Volatile.Read(ref _mostOpen);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            var open = Interlocked.Increment(ref _open);
            for (var most = Volatile.Read(ref _mostOpen); open > most; most = Volatile.Read(ref _mostOpen))
            {
                Interlocked.CompareExchange(ref _mostOpen, open, most);
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        try
        {
            using (client)
            using (var upstream = new TcpClient())
            {
                await upstream.ConnectAsync(MailDev.SmtpHost, MailDev.SmtpPort, _stop.Token);
                var up = client.GetStream().CopyToAsync(upstream.GetStream(), _stop.Token);
                var down = upstream.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                await Task.WhenAny(up, down);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // A side closed the connection.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }
}
