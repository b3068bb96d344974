namespace MiningRights.Workflows;

/// <summary>Counts of one sweep, shared by its workers.</summary>
internal sealed class SweepTotals
{
    private int _reminders;
    private int _expiries;
    private int _contended;
    private int _failed;

    public int Reminders => _reminders;

    public int Expiries => _expiries;

    public int Contended => _contended;

    public int Failed => _failed;

    public void Contend() => Interlocked.Increment(ref _contended);

    public void Fail() => Interlocked.Increment(ref _failed);

    public void Add(IEnumerable<SweepOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            Interlocked.Add(ref _reminders, outcome == SweepOutcome.Reminder ? 1 : 0);
            Interlocked.Add(ref _expiries, outcome == SweepOutcome.Expiry ? 1 : 0);
        }
    }
}
