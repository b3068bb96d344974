using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Imports;

/// <summary>What is checked of the file as a whole before any row is imported.</summary>
internal static class ImportFileChecks
{
    /// <summary>
    /// A file naming a registration authority outside the caller's jurisdiction is refused as a whole (403), as registering
    /// one of its rights by hand would be; unknown codes are left to each row's registration to report.
    /// </summary>
    public static async Task EnsureCoveredAsync(List<ImportRow> rows, Actor user, MiningRightsDbContext db, JurisdictionDirectory jurisdictions, Access access,
        CancellationToken ct)
    {
        var tree = await jurisdictions.TreeAsync(db, ct);
        var outside = new List<string>();
        foreach (var authority in rows.Select(r => r.Right.AuthorityCode).Distinct().Where(c => tree.Find(c) is not null))
        {
            if (!await access.MayDecideAsync(user, authority!, ct))
            {
                outside.Add(authority!);
            }
        }

        if (outside.Count > 0)
        {
            var lines = rows.Where(r => outside.Contains(r.Right.AuthorityCode!)).Select(r => r.Line.Row).Take(20).ToList();
            throw RefusalException.Forbidden(
                $"Registration authorities {string.Join(", ", outside)} are outside your jurisdiction {user.JurisdictionCode} (rows {string.Join(", ", lines)}); nothing was imported.",
                $"登记机关 {string.Join("、", outside)} 不在您的辖区 {user.JurisdictionCode} 范围内（第 {string.Join("、", lines)} 行）；未导入任何数据。");
        }
    }

    public static void MarkRepeatedNumbers(List<ImportRow> rows)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.LicenseNumber is not null))
        {
            if (!first.TryAdd(row.LicenseNumber!, row.Line.Row))
            {
                row.Problem("licenseNumber", $"Licence number {row.LicenseNumber} is already in row {first[row.LicenseNumber!]} of this file.",
                    $"许可证号 {row.LicenseNumber} 已在本文件第 {first[row.LicenseNumber!]} 行出现。");
            }
        }
    }
}
