namespace MiningRights.Workflows;

/// <summary>What a sweep did to one due deadline.</summary>
internal enum SweepOutcome
{
    Nothing,
    Reminder,
    Expiry,
}
