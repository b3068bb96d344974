namespace MiningRights.Notifications;

/// <summary>Counts of one run, shared by its workers.</summary>
internal sealed class DeliveryRun
{
    private int _sent;
    private int _retrying;
    private int _dead;
    private int _stopped;

    public bool Stopped => Volatile.Read(ref _stopped) == 1;

    public void Stop() => Interlocked.Exchange(ref _stopped, 1);

    public void CountSent() => Interlocked.Increment(ref _sent);

    public void CountRetrying() => Interlocked.Increment(ref _retrying);

    public void CountDead() => Interlocked.Increment(ref _dead);

    public DeliveryResult Result(int unrecorded) => new(Volatile.Read(ref _sent), Volatile.Read(ref _retrying), Volatile.Read(ref _dead), unrecorded);
}
