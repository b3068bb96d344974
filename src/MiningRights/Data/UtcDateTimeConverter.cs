using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MiningRights.Data;

/// <summary>Instants are stored as UTC DateTime (SQLite cannot compare DateTimeOffset) and read back marked as UTC.</summary>
public sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
{
    public UtcDateTimeConverter()
        : base(v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
    {
    }
}
