namespace MiningRights.Web.Demo;

/// <summary>Configuration section <c>Demo</c>: demo data and the demo clock, both for a first look in Development.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }

    /// <summary>Days the Development clock starts ahead of the system clock (never negative; Development only).</summary>
    public int ClockOffsetDays { get; set; }
}
