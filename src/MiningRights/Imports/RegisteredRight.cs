using System.Globalization;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Imports;

/// <summary>
/// A row naming a right already registered: what the licence fixes (kind, holder, place, authority, transfer, term,
/// ground) must be as registered, since a change to those is a decision (transfer, renewal, change of area) and not an
/// import; what the register may correct (project name, minerals, mine scale) is updated.
/// </summary>
internal static class RegisteredRight
{
    public static void EnsureSame(MiningRight right, Holder? holder, ImportRow row)
    {
        var request = row.Right;
        var errors = new Dictionary<string, string[]>();
        var zh = new List<string>();
        void Differs(string column, string registered, string given)
        {
            var heading = ImportColumn.All.First(c => c.Key == column);
            errors[column] = [$"{column} is '{Text.Cut(given)}' in the file but '{registered}' in the register."];
            zh.Add($"{heading.Zh}在文件中为“{Text.Cut(given)}”，登记簿中为“{registered}”。");
        }

        if (holder is null || holder.Id != right.HolderId)
        {
            Differs("holderCreditCode", "(another holder)", row.CreditCode ?? "");
        }

        if (request.Kind != right.Kind)
        {
            Differs("kind", right.Kind.ToString(), row.Line["kind"] ?? "");
        }

        if (request.LocationCountyCode != right.LocationCountyCode)
        {
            Differs("locationCountyCode", right.LocationCountyCode, request.LocationCountyCode ?? "");
        }

        if (request.AuthorityCode != right.AuthorityCode)
        {
            Differs("authorityCode", right.AuthorityCode, request.AuthorityCode ?? "");
        }

        if (request.TransferMode != right.TransferMode)
        {
            Differs("transferMode", right.TransferMode.ToString(), row.Line["transferMode"] ?? "");
        }

        if ((request.BlankArea ?? false) != right.BlankArea)
        {
            Differs("blankArea", right.BlankArea ? "是" : "否", row.Line["blankArea"] ?? "");
        }

        if (request.RegisteredOn != right.RegisteredOn)
        {
            Differs("registeredOn", Day(right.RegisteredOn), row.Line["registeredOn"] ?? "");
        }

        if (request.ExpiresOn != right.ExpiresOn)
        {
            Differs("expiresOn", Day(right.ExpiresOn), row.Line["expiresOn"] ?? "");
        }

        var area = row.Corners is { } corners ? Ground.BlockPolygon.FromCorners(corners).AreaKm2 : request.AreaKm2;
        if (area is { } given && given != right.AreaKm2)
        {
            Differs(row.Corners is null ? "areaKm2" : "corners", right.AreaKm2.ToString("0.####", CultureInfo.InvariantCulture) + " km²",
                given.ToString("0.####", CultureInfo.InvariantCulture) + " km²");
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(422, "Registered right differs",
                $"Licence number {right.LicenseNumber} is registered with other particulars; an import corrects only the project name, minerals and mine scale. " +
                "Transfers, renewals and changes of area are decided on the right's page.",
                errors: errors,
                detailZh: $"许可证号 {right.LicenseNumber} 已按不同的登记事项登记；导入只能更正项目名称、矿种和矿山规模，转让、延续和范围变更须在该矿业权页面办理。{string.Concat(zh)}");
        }
    }

    /// <summary>Puts the row's project name, minerals and mine scale on the right; answers whether anything changed.</summary>
    public static bool Update(MiningRight right, ImportRow row, Actor user, MiningRightsDbContext db, TimeProvider time)
    {
        var request = row.Right;
        if (string.IsNullOrWhiteSpace(request.ProjectName) || request.ProjectName.Length > 200)
        {
            throw RefusalException.Invalid("projectName", "The project name is required (at most 200 characters).", "必须填写项目名称（最多 200 个字符）。");
        }

        if (request.Minerals is not { Length: > 0 } minerals || minerals.Any(m => m.Length > 20))
        {
            throw RefusalException.Invalid("minerals", "At least one mineral (矿种) is required.", "至少须填写一个矿种。");
        }

        if (request.MineScale is not null && right.Kind == RightKind.Exploration)
        {
            throw RefusalException.Invalid("mineScale", "The mine scale (矿山规模) applies to mining rights only.", "矿山规模仅适用于采矿权。");
        }

        var changes = new List<string>();
        if (right.ProjectName != request.ProjectName.Trim())
        {
            right.ProjectName = request.ProjectName.Trim();
            changes.Add("projectName");
        }

        var joined = string.Join(',', minerals);
        if (right.Minerals != joined)
        {
            right.Minerals = joined;
            changes.Add("minerals");
        }

        if (request.MineScale is { } scale && right.MineScale != scale.ToString())
        {
            right.MineScale = scale.ToString();
            changes.Add("mineScale");
        }

        if (changes.Count == 0)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        right.UpdatedAtUtc = now;
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = "right.imported",
            DossierId = right.Id,
            Detail = $"Right {right.LicenseNumber} corrected from the imported register: {string.Join(", ", changes)}.",
        });
        return true;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
