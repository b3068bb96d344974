namespace MiningRights.Workflows;

/// <summary>
/// Where the runtime's notices leave it (a deadline's reminders, an extension, a notify step): the notifications
/// feature finds the recipients and queues one notice each in the caller's unit of work, so a notice commits with the
/// change that caused it. The runtime knows audiences by name only (<see cref="NoticeAudiences"/>).
/// </summary>
public interface INoticeOutbox
{
    Task QueueAsync(OutgoingNotice notice, CancellationToken ct);

    /// <summary>Reads the contacts of a batch's holders at once, so queueing a batch's notices asks the database once.</summary>
    Task PrefetchHoldersAsync(IEnumerable<Guid> holderIds, CancellationToken ct);
}
