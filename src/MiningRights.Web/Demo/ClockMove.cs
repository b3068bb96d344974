namespace MiningRights.Web.Demo;

/// <summary>Move the clock by whole days, or to a moment; exactly one of the two.</summary>
public sealed record ClockMove(int? AdvanceDays, DateTimeOffset? To);
