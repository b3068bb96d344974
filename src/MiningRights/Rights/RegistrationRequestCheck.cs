using System.Text.RegularExpressions;
using MiningRights.Accounts;
using MiningRights.Workflows;

namespace MiningRights.Rights;

/// <summary>
/// The fields of a registration request, each checked on its own and against the jurisdiction tree, every problem
/// reported at once (400) before anything is read or written for it.
/// </summary>
internal static partial class RegistrationRequestCheck
{
    /// <summary>The request's normalised licence number, its county and its registration authority; throws when a field is invalid.</summary>
    public static (string Number, Jurisdiction County, Jurisdiction Authority) Check(RegisterRight.Request request, JurisdictionTree tree, DateOnly today,
        WorkflowRegistry registry)
    {
        var errors = new Dictionary<string, string[]>();
        var errorsZh = new Dictionary<string, string>();
        void Error(string field, string message, string messageZh)
        {
            errors[field] = [message];
            errorsZh[field] = messageZh;
        }

        var number = request.LicenseNumber?.Trim().ToUpperInvariant();
        if (number is null || !LicenseNumberPattern().IsMatch(number))
        {
            Error("licenseNumber", "The licence number is required: 6 to 64 letters and digits from the national unified numbering system.",
                "必须填写许可证号：按全国统一编号规则编制的 6 至 64 位字母和数字。");
        }

        if (request.Kind is null)
        {
            Error("kind", "The kind is required: exploration (探矿权) or mining (采矿权).", "必须填写矿业权类型：探矿权（exploration）或采矿权（mining）。");
        }

        if (request.HolderId is null)
        {
            Error("holderId", "The holder is required.", "必须指定矿业权人。");
        }

        if (string.IsNullOrWhiteSpace(request.ProjectName) || request.ProjectName.Length > 200)
        {
            Error("projectName", "The project name is required (at most 200 characters).", "必须填写项目名称（最多 200 个字符）。");
        }

        if (request.Minerals is not { Length: > 0 } || request.Minerals.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 20))
        {
            Error("minerals", "At least one mineral (矿种) is required.", "至少须填写一个矿种。");
        }

        if (request.Corners is null && request.AreaKm2 is not > 0 or > 100000)
        {
            Error("areaKm2", "The area must be more than 0 and at most 100000 km².", "面积必须大于 0 且不超过 100000 平方千米。");
        }

        var county = tree.Find(request.LocationCountyCode);
        if (county is not { Level: JurisdictionLevel.County })
        {
            Error("locationCountyCode", $"'{Text.Cut(request.LocationCountyCode)}' is not a county (县/区) code of the jurisdiction tree.",
                $"“{Text.Cut(request.LocationCountyCode)}”不是行政区划树中的县（区）代码。");
        }

        var authority = tree.Find(request.AuthorityCode);
        if (authority is null)
        {
            Error("authorityCode", $"'{Text.Cut(request.AuthorityCode)}' is not a jurisdiction code.", $"“{Text.Cut(request.AuthorityCode)}”不是行政区划代码。");
        }
        else if (county is not null && !tree.Contains(authority.Code, county.Code))
        {
            Error("authorityCode", $"The registration authority {authority.Code} is not above the location county {county.Code}.",
                $"登记机关 {authority.Code} 不是所在县（区）{county.Code} 的上级机关。");
        }

        if (request.TransferMode is null)
        {
            Error("transferMode", "The transfer mode is required: tender, auction, listing or agreement.",
                "必须填写出让方式：招标（tender）、拍卖（auction）、挂牌（listing）或协议（agreement）。");
        }

        if (request.BlankArea == true && request.Kind == RightKind.Mining)
        {
            Error("blankArea", "The blank-area flag (空白区) applies to exploration rights only.", "空白区标记仅适用于探矿权。");
        }

        if (request.MineScale is not null && request.Kind == RightKind.Exploration)
        {
            Error("mineScale", "The mine scale (矿山规模) applies to mining rights only.", "矿山规模仅适用于采矿权。");
        }

        if (request.RegisteredOn is not { } registeredOn)
        {
            Error("registeredOn", "The registration date is required.", "必须填写登记日期。");
        }
        else if (registeredOn > today)
        {
            Error("registeredOn", $"The registration date {registeredOn:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd} in Asia/Shanghai).",
                $"登记日期 {registeredOn:yyyy-MM-dd} 晚于今天（按 Asia/Shanghai 时区，今天为 {today:yyyy-MM-dd}）。");
        }

        if (request.Deferral is not null)
        {
            var versions = registry.Versions(request.Deferral);
            if (versions.Count == 0 || versions.All(v => v.Definition.AppliesTo is null))
            {
                Error("deferral", $"'{Text.Cut(request.Deferral)}' is not a deferral workflow. Known: {string.Join(", ", registry.Definitions.Where(d => d.Definition.AppliesTo is not null).Select(d => d.Definition.Id).Distinct())}.",
                    $"“{Text.Cut(request.Deferral)}”不是暂缓提交方案的流程。已有的此类流程：{string.Join(", ", registry.Definitions.Where(d => d.Definition.AppliesTo is not null).Select(d => d.Definition.Id).Distinct())}。");
            }
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid registration", "The right could not be registered: see the field errors.", errors: errors,
                detailZh: $"无法登记该矿业权：{string.Concat(errorsZh.Values)}");
        }

        return (number!, county!, authority!);
    }

    [GeneratedRegex("^[A-Z0-9]{6,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex LicenseNumberPattern();
}
