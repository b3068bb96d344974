using System.Text;

namespace MiningRights.Paging;

/// <summary>
/// Keyset paging: the cursor is the sort key of the last row of the previous page, opaque to clients (base64url of
/// "key|key|..."). A cursor that cannot be read is a 400.
/// </summary>
public sealed record PageRequest(string? Cursor, int Size)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 200;

    // Marks a cursor as one of ours, so a random string that happens to be base64 is refused rather than read.
    private const string Mark = "k1";

    public static PageRequest From(string? cursor, int? size)
    {
        var take = size ?? DefaultSize;
        if (take is < 1 or > MaxSize)
        {
            throw RefusalException.Invalid("pageSize", $"pageSize must be between 1 and {MaxSize}.", $"pageSize 必须在 1 至 {MaxSize} 之间。");
        }

        if (cursor is { Length: > 512 })
        {
            throw RefusalException.Invalid("cursor", "The cursor is not one this service gave out.", "该游标不是本系统提供的。");
        }

        return new PageRequest(string.IsNullOrEmpty(cursor) ? null : cursor, take);
    }

    /// <summary>The parts of the cursor, or null on the first page.</summary>
    public string[]? Keys(int count)
    {
        if (Cursor is null)
        {
            return null;
        }

        try
        {
            var padded = Cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            return parts.Length == count + 1 && parts[0] == Mark ? parts[1..] : throw new FormatException();
        }
        catch (FormatException)
        {
            throw RefusalException.Invalid("cursor", "The cursor is not one this service gave out.", "该游标不是本系统提供的。");
        }
    }

    /// <summary>The page of <paramref name="rows"/> (read with one row more than the size) and the cursor after it.</summary>
    public Page<TView> Build<TRow, TView>(IReadOnlyList<TRow> rows, Func<TRow, string[]> key, Func<TRow, TView> view)
    {
        var items = rows.Take(Size).ToList();
        var next = rows.Count > Size
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('|', [Mark, .. key(items[^1])]))).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            : null;
        return new Page<TView>(items.Select(view).ToList(), next);
    }

    public static Guid ReadGuid(string text) =>
        Guid.TryParse(text, out var id) ? id : throw RefusalException.Invalid("cursor", "The cursor is not one this service gave out.", "该游标不是本系统提供的。");

    /// <summary>An instant a cursor carries as UTC ticks; anything else (a forged cursor) is a 400, never a 500.</summary>
    public static DateTime ReadInstant(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : throw RefusalException.Invalid("cursor", "The cursor is not one this service gave out.", "该游标不是本系统提供的。");
}
