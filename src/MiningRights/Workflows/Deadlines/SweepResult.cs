namespace MiningRights.Workflows;

/// <summary>What one sweep did: reminders queued, deadlines expired, items another sweep took first, failures.</summary>
public sealed record SweepResult(int Reminders, int Expiries, int Contended, int Failed)
{
    /// <summary>Deadlines acted on in the sweep (a reminder queued or an expiry taken).</summary>
    public int Handled => Reminders + Expiries;
}
