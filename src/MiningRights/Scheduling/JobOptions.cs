namespace MiningRights.Scheduling;

/// <summary>Configuration section <c>Jobs</c>: how often the scheduled jobs run and how much each run takes on.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    public int DeadlineSweepSeconds { get; set; } = 60;

    public int OutboxDeliverySeconds { get; set; } = 15;

    /// <summary>Deadlines read per batch by the sweep.</summary>
    public int SweepBatchSize { get; set; } = 200;

    /// <summary>Notices claimed per batch by the delivery job.</summary>
    public int DeliveryBatchSize { get; set; } = 50;
}
