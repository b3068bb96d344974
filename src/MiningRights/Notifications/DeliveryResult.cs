namespace MiningRights.Notifications;

/// <summary>
/// What one delivery run did. <see cref="Sent"/> counts the notices the mail server accepted; <see cref="Unrecorded"/>
/// those of them whose "sent" could not be written yet (kept in memory and written before anything else is sent).
/// </summary>
public sealed record DeliveryResult(int Sent, int Retrying, int Dead, int Unrecorded = 0)
{
    /// <summary>Notices tried in the run, whatever came of them.</summary>
    public int Handled => Sent + Retrying + Dead;
}
