namespace MiningRights.Web.Demo;

/// <summary>The service's time (in China Standard Time), how far it runs ahead of the system clock, and whether it can be moved.</summary>
public sealed record ClockView(DateTimeOffset Now, double OffsetDays, bool Adjustable)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The clock as the API answers it and the administration page shows it.</summary>
    public static ClockView Of(TimeProvider time, IHostEnvironment environment) =>
        new(time.GetUtcNow().ToOffset(ChinaStandardTime),
            time is DemoClock demo ? Math.Round(demo.Offset.TotalDays, 4) : 0,
            environment.IsDevelopment() && time is DemoClock);
}
