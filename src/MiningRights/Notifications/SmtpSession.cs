using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace MiningRights.Notifications;

/// <summary>
/// One MailKit SMTP connection for one delivery worker, kept open from the first notice to the last: connected (TLS
/// and sign-in as configured) on the first send, checked with NOOP before it is used again after an idle spell, and
/// closed with QUIT when the session is disposed. An error reply of the server becomes a
/// <see cref="MailRefusedException"/> and leaves the connection usable (MailKit resets the transaction); any other
/// failure drops the connection, and the next notice connects afresh. A notice whose send broke off is not sent again
/// at once over a new connection: the server may already have taken it, so it waits for its retry like any failure,
/// which keeps a repeat to the lapsed-claim case the dispatcher describes. Not safe for two sends at once.
/// </summary>
internal sealed class SmtpSession(string host, SmtpOptions options) : IMailSession
{
    /// <summary>A connection unused this long may have been closed by the server, so it is checked before the next send.</summary>
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(10);

    private readonly SmtpClient _client = new() { Timeout = options.TimeoutSeconds * 1000 };
    private long _lastUsed;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var message = NoticeMessage.Compose(notification, options);
        try
        {
            await ConnectAsync(cancellationToken);
            await _client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            // Refused sender, recipient or message: MailKit has reset the transaction. A reply out of place (greeting,
            // sign-in, reset) leaves the connection in doubt, and 421 is the server closing it.
            if (ex.ErrorCode == SmtpErrorCode.UnexpectedStatusCode || ex.StatusCode == SmtpStatusCode.ServiceNotAvailable)
            {
                await DropAsync();
            }

            throw Refusal(ex);
        }
        catch
        {
            // A timeout, a broken connection or a reply out of turn: the connection is in no state to carry another notice.
            await DropAsync();
            throw;
        }
        finally
        {
            _lastUsed = Stopwatch.GetTimestamp();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or MailKit.Net.Smtp.SmtpProtocolException or SmtpCommandException or TimeoutException or OperationCanceledException)
            {
                // The server is gone already; nothing is left to close politely.
            }
        }

        _client.Dispose();
    }

    /// <summary>
    /// A 5xx about a recipient or the message is final for that notice; everything else may succeed later. A refused
    /// sender is not: it refuses every notice alike (the service's From or its sign-in is wrong), so they wait for
    /// their retries while an administrator corrects the configuration, rather than all dying at once.
    /// </summary>
    private static MailRefusedException Refusal(SmtpCommandException ex)
    {
        var code = (int)ex.StatusCode;
        var permanent = code is >= 500 and < 600 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
        return new MailRefusedException($"{code} {ex.Message}", permanent, ex);
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected && Stopwatch.GetElapsedTime(_lastUsed) >= IdleCheck)
        {
            try
            {
                await _client.NoOpAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or MailKit.Net.Smtp.SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException or TimeoutException)
            {
                await DropAsync();
            }
        }

        if (_client.IsConnected)
        {
            return;
        }

        // Our own socket, with Nagle's algorithm off: MailKit writes a message's commands and data in several small
        // writes, and with Nagle on each waits for the server's delayed acknowledgement (about 40 ms a message), which
        // held delivery to about 8% of what the same server accepts.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, options.Port, cancellationToken);
            await _client.ConnectAsync(socket, host, options.Port, options.EffectiveSecurity, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (!string.IsNullOrEmpty(options.UserName))
        {
            await _client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
        }
    }

    private async Task DropAsync()
    {
        try
        {
            await _client.DisconnectAsync(false, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or MailKit.Net.Smtp.SmtpProtocolException or TimeoutException or OperationCanceledException)
        {
            // Closing a broken connection can fail too; the socket is released either way.
        }
    }
}
