namespace MiningRights.Web.Demo;

/// <summary>
/// The service's clock in Development: the system clock plus an offset that an administrator moves forward, so an
/// evaluator can watch a year of reminders, overdue notices and cases in an afternoon. Only the wall clock moves;
/// timers and timestamps run at real speed. It never goes back: deadlines already acted on would be acted on again.
/// </summary>
public sealed class DemoClock(TimeProvider system, TimeSpan offset) : TimeProvider
{
    private long _offsetTicks = offset.Ticks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    /// <summary>Moves the clock to <paramref name="to"/>; false, and nothing changed, when that is earlier than now.</summary>
    public bool TryMoveTo(DateTimeOffset to)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _offsetTicks);
            var systemNow = system.GetUtcNow();
            if (to < systemNow + TimeSpan.FromTicks(current))
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _offsetTicks, (to - systemNow).Ticks, current) == current)
            {
                return true;
            }
        }
    }
}
