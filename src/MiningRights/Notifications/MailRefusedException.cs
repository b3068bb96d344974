namespace MiningRights.Notifications;

/// <summary>
/// The mail server answered a notice with an error reply. <see cref="Permanent"/> (a 5xx for a recipient or
/// the message) means sending it again cannot help, so the notice is dead at once; otherwise (a 4xx, or a 5xx that is
/// not about this notice) it is retried with the usual backoff. The message is the server's reply: code and text.
/// </summary>
public sealed class MailRefusedException(string reply, bool permanent, Exception? inner = null) : Exception(reply, inner)
{
    public bool Permanent { get; } = permanent;
}
