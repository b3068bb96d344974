namespace MiningRights.Imports;

/// <summary>One row of the file: its row number and its cells in <see cref="ImportColumn.All"/>'s order (null where empty).</summary>
public sealed record ImportLine(int Row, IReadOnlyList<string?> Values)
{
    public string? this[string key] => Values[Index(key)];

    public static int Index(string key)
    {
        for (var i = 0; i < ImportColumn.All.Count; i++)
        {
            if (ImportColumn.All[i].Key == key)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(key), key, "Not a column of the template.");
    }
}
