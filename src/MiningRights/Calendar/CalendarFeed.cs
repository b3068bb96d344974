namespace MiningRights.Calendar;

/// <summary>A holder's calendar feed: the secret token in its address, which the holder may rotate.</summary>
public sealed class CalendarFeed
{
    public required Guid HolderId { get; init; }

    public required string Token { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
