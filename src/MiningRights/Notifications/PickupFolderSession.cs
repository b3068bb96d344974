using MimeKit;

namespace MiningRights.Notifications;

/// <summary>
/// Writes each notice to the pickup folder as <c>{notification id}.eml</c>: a notice written again replaces its file
/// rather than adding one. The file is written under a temporary name and then moved into place, so that a reader of
/// the folder never sees half a message.
/// </summary>
internal sealed class PickupFolderSession(string folder, SmtpOptions options) : IMailSession
{
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var message = NoticeMessage.Compose(notification, options);

        // Seven-bit transfer encodings, as a mail server without 8BITMIME would receive it.
        message.Prepare(EncodingConstraint.SevenBit);
        var path = Path.Combine(folder, $"{notification.Id:N}.eml");
        var temporary = Path.Combine(folder, $".{notification.Id:N}.{Guid.NewGuid():N}.tmp");
        try
        {
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
