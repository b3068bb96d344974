using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Listing;
using MiningRights.Policies;
using MiningRights.Workflows;

namespace MiningRights.Rights;

/// <summary>
/// Registers a right (新立登记). Its term is checked against the law in force on the registration date: an exploration
/// licence's (CN-TERM) and a mining licence's by its mine's scale, the largest cap where no scale is given (CN-SCALE).
/// With a deferral it starts the workflow that the deferral names, after checking the workflow's conditions and the
/// window in which its rule was in force for the right's province.
/// </summary>
public sealed partial class RegisterRight(
    MiningRightsDbContext db,
    WorkflowRegistry registry,
    WorkflowRuntime runtime,
    Access access,
    JurisdictionDirectory jurisdictions,
    Listing.GroundCheck ground,
    IOptions<Listing.ListingOptions> listing,
    PolicyBook policies,
    TimeProvider time)
{
    /// <summary>The one date a workflow started at registration is given (its definition's startDates).</summary>
    public const string RegisteredOnDate = "registeredOn";

    public sealed record Request(
        string? LicenseNumber,
        RightKind? Kind,
        Guid? HolderId,
        string? ProjectName,
        string[]? Minerals,
        decimal? AreaKm2,
        string? LocationCountyCode,
        string? AuthorityCode,
        TransferMode? TransferMode,
        bool? BlankArea,
        DateOnly? RegisteredOn,
        DateOnly? ExpiresOn,
        string? Deferral,
        double[][]? Corners = null,
        Rights.MineScale? MineScale = null,
        Listing.CornerNotation? CornerNotation = null,
        int? Zone = null);

    public async Task<MiningRight> HandleAsync(Request request, Actor user, CancellationToken ct)
    {
        // A right that brings its own polygon takes ground: checked, written and its overlaps recorded while the ground is held.
        await using var hold = request.Corners is not null ? await ground.HoldAsync(ct) : null;
        var right = await PrepareAsync(request, user, null, ct);
        await db.SaveChangesAsync(ct);
        if (hold is not null)
        {
            await hold.CommitAsync(ct);
        }

        return right;
    }

    /// <summary>
    /// Everything registration does, added to the caller's unit of work without saving, so that a registration from a
    /// transferred block commits with the block's own changes. <paramref name="fromBlockId"/> is the block whose ground
    /// the right takes over (not an overlap with itself). <paramref name="processesFrom"/> is given for a right granted
    /// before the service knew it (an imported register): its processes start as of that day, not its registration's.
    /// <paramref name="batch"/> is what the request is checked against (its holder, licence numbers and ground taken);
    /// without one, the request is a batch of one, read here.
    /// </summary>
    public async Task<MiningRight> PrepareAsync(Request request, Actor user, Guid? fromBlockId, CancellationToken ct, DateOnly? processesFrom = null,
        RegistrationBatch? batch = null)
    {
        var now = time.GetUtcNow();
        var today = Time.ProvinceCalendar.China.DateAt(now);
        var tree = await jurisdictions.TreeAsync(db, ct);
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

        LoadedDefinition? workflow = null;
        PolicyRule? deferralRule = null;
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

        if (!await access.MayDecideAsync(user, authority!.Code, ct))
        {
            throw RefusalException.Forbidden($"Registration authority {authority.Code} is outside your jurisdiction {user.JurisdictionCode}.",
                $"登记机关 {authority.Code} 不在您的辖区 {user.JurisdictionCode} 范围内。");
        }

        batch ??= await RegistrationBatch.ReadAsync(db, request, ct);
        var holder = batch.Holder(request.HolderId)
            ?? throw RefusalException.Invalid("holderId", $"No holder {request.HolderId} is registered.", $"未登记矿业权人 {request.HolderId}。");

        if (batch.IsRegistered(number!))
        {
            throw RefusalException.Conflict($"Licence number {number} is already registered; numbers are permanent.", $"许可证号 {number} 已经登记；许可证号永久保留，不得重复使用。");
        }

        Listing.BlockPolygon? polygon = null;
        IReadOnlyList<Listing.GroundCheck.Sharing> sharing = [];
        if (request.Corners is not null)
        {
            // The cap is on what a request asks for; a block's polygon, taken over as it is, was accepted under its own.
            // Corners as the licence writes them (拐点坐标 in a Gauss-Krüger zone) are converted first; longitude/latitude pass as they are.
            var corners = request.CornerNotation is Listing.CornerNotation.GaussKruger || request.Zone is not null
                ? Listing.Corners.ToLonLat(request.Corners, request.CornerNotation ?? Listing.CornerNotation.LonLat, request.Zone)
                : request.Corners;
            polygon = Listing.BlockPolygon.FromCorners(corners, fromBlockId is null ? listing.Value.MaxCorners : Listing.BlockPolygon.MostCorners);
            sharing = await ground.EnsureFreeAsync(polygon, fromBlockId, ct, batch.Ground);
        }

        var right = new MiningRight
        {
            LicenseNumber = number!,
            Kind = request.Kind!.Value,
            HolderId = holder.Id,
            ProjectName = request.ProjectName!.Trim(),
            Minerals = string.Join(',', request.Minerals!.Select(m => m.Trim())),
            AreaKm2 = polygon?.AreaKm2 ?? request.AreaKm2!.Value,
            LocationCountyCode = county!.Code,
            AuthorityCode = authority.Code,
            TransferMode = request.TransferMode!.Value,
            BlankArea = request.BlankArea ?? false,
            RegisteredOn = request.RegisteredOn!.Value,
            IssuedOn = request.RegisteredOn!.Value,
            ExpiresOn = request.ExpiresOn ?? default,
            MineScale = request.MineScale?.ToString(),
            CreatedAtUtc = now.UtcDateTime,
            UpdatedAtUtc = now.UtcDateTime,
        };

        if (request.Deferral is not null)
        {
            (workflow, deferralRule) = ChooseDeferral(request.Deferral, right);
        }

        // A provisional licence's term is set by its rule, not by the request: the definition says so.
        var termFromRule = workflow?.Definition.AppliesTo?.SetsExpiry == true;
        if (termFromRule && request.ExpiresOn is not null)
        {
            throw RefusalException.Invalid("expiresOn", $"The licence term is fixed by {deferralRule!.Id}; leave expiresOn out.",
                $"许可证有效期由 {deferralRule!.Id} 规定；请勿填写 expiresOn。");
        }

        if (!termFromRule && (request.ExpiresOn is not { } expires || expires <= right.RegisteredOn))
        {
            throw RefusalException.Invalid("expiresOn", "The expiry date is required and must be after the registration date.", "必须填写到期日期，且须晚于登记日期。");
        }

        // The first term the law allows on the registration date (CN-TERM, CN-SCALE), the rules a renewal is held to as well.
        if (!termFromRule && Rights.TermLaw.InitialRefusal(right.Kind, request.MineScale, right.RegisteredOn, right.ExpiresOn,
                policies.Parameters(right.LocationCountyCode, right.RegisteredOn)) is { } tooLong)
        {
            throw tooLong;
        }

        db.Rights.Add(right);
        Listing.Footprint? footprint = null;
        if (polygon is not null)
        {
            footprint = Listing.Footprint.Of(Listing.Footprint.RightOwner, right.Id, polygon);
            db.Footprints.Add(footprint);
            await ground.RecordAsync(footprint, polygon, sharing, ct);
        }

        batch.Registered(right, footprint, polygon);

        var rules = policies.InForce(right.LocationCountyCode, right.RegisteredOn).Where(r => r.Stage == PolicyBook.RegistrationStage).ToList();
        var applied = rules.Count == 0
            ? "No provincial registration rule was in force; the national registration procedure applies."
            : string.Join(" ", rules.Select(r => r.Outcomes.GetValueOrDefault(right.IsPubliclyTransferred ? "public" : "agreement") ?? $"{r.Id}: {r.SummaryEn}."));
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now.UtcDateTime,
            Actor = user.Name,
            Action = "right.registered",
            RightId = right.Id,
            RuleId = rules.Count > 0 ? rules[0].Id : null,
            Detail = $"{right.Kind} right {right.LicenseNumber} registered on {right.RegisteredOn:yyyy-MM-dd} for {holder.CreditCode}. {applied}{(termFromRule ? "" : LateRenewal(right, processesFrom))}",
        });

        runtime.Subjects.Remember(RightSubjectKind.Describe(right, $"{holder.NameZh} ({holder.NameEn})"));
        if (workflow is not null)
        {
            await runtime.StartAsync(workflow, new SubjectRef(RightSubjectKind.Kind, right.Id), user,
                new Dictionary<string, DateOnly> { [RegisteredOnDate] = right.RegisteredOn }, new Dictionary<string, string>(), ct, right.RegisteredOn);
        }

        // Every right in force is tracked to its expiry (CN-RENEW); a provisional licence's term is its rule's, and its
        // renewal starts when it is re-issued for the service life.
        if (!termFromRule)
        {
            var asOf = processesFrom ?? right.RegisteredOn;
            await Renewals.RenewalTracking.StartAsync(runtime, registry, policies.Parameters(right.LocationCountyCode, asOf), right, user, ct, asOf, judgedFrom: processesFrom);
        }

        return right;
    }

    /// <summary>
    /// The version of the deferral process a right may start at registration: only where a rule in force in its province
    /// on its registration day allows it (GS-9d, GS-9e, or a renewed policy filling the same provision), and only for the
    /// rights that rule covers; otherwise refused, naming the rule, its window or its scope.
    /// </summary>
    private (LoadedDefinition Definition, PolicyRule Rule) ChooseDeferral(string workflowId, MiningRight right)
    {
        var versions = registry.Versions(workflowId).Where(v => v.Definition.AppliesTo is not null).ToList();
        var definition = registry.FindInForce(workflowId, right.RegisteredOn) ?? versions[^1];
        var reference = definition.Definition.AppliesTo!.Rule;
        var rule = RulebookLoader.IsRuleId(reference)
            ? policies.Find(reference, right.RegisteredOn) is { } named && named.Reaches(right.LocationCountyCode) ? named : null
            : policies.Provider(reference, right.Scope, right.RegisteredOn, right.RegisteredOn, scoped: false);
        if (rule is null)
        {
            var known = RulebookLoader.IsRuleId(reference) ? policies.Versions(reference) : policies.Providers(reference);
            var here = known.Where(r => r.Reaches(right.LocationCountyCode)).ToList();
            var name = known.Count > 0 ? string.Join("/", known.Select(r => r.Id).Distinct()) : reference;
            var first = known.Count > 0 ? known[0].Id : reference;
            if (here.Count == 0)
            {
                throw RefusalException.ByRule(first,
                    $"{name} is a rule of province {string.Join(", ", known.Select(r => r.Issuer).Distinct())}; this right lies in province {right.ProvinceCode}, where no such policy is in force.", "locationCountyCode",
                    detailZh: $"{name} 是省份 {string.Join("、", known.Select(r => r.Issuer).Distinct())} 的规则；本矿业权位于省份 {right.ProvinceCode}，该省没有施行此项政策。");
            }

            throw RefusalException.ByRule(here[^1].Id,
                $"{string.Join("; ", here.Select(r => $"{r.Id} ({r.SourceEn}) was in force from {r.InForceFrom:yyyy-MM-dd} to {r.InForceUntil:yyyy-MM-dd}"))}; " +
                $"a registration on {right.RegisteredOn:yyyy-MM-dd} falls outside every window in force, and no renewed policy has been published.", "registeredOn",
                detailZh: $"{string.Join("；", here.Select(r => $"{r.Id}（{r.SourceZh}）的施行期间为 {r.InForceFrom:yyyy-MM-dd} 至 {r.InForceUntil:yyyy-MM-dd}"))}；" +
                $"登记日期 {right.RegisteredOn:yyyy-MM-dd} 不在任何施行期间内，且尚未发布延续施行的政策。");
        }

        var scope = rule.AppliesTo ?? new RuleScope();
        var subject = right.Scope;
        if (scope.RightKinds is { } kinds && !kinds.Contains(subject.RightKind!))
        {
            throw RefusalException.ByRule(rule.Id,
                $"{rule.Id} applies to {string.Join(", ", kinds)} rights only; this is {(subject.RightKind == "exploration" ? "an exploration right (探矿权)" : "a mining right (采矿权)")}. {rule.SummaryEn}.", "kind",
                detailZh: $"{rule.Id} 仅适用于{string.Join("、", kinds.Select(KindZh))}；本矿业权为{KindZh(subject.RightKind!)}。{rule.SummaryZh}。");
        }

        if (scope.TransferModes is { } modes && !modes.Contains(subject.TransferMode!))
        {
            throw RefusalException.ByRule(rule.Id,
                $"{rule.Id} applies only to rights obtained by {string.Join(", ", modes)}; this right was obtained by {subject.TransferMode}. {rule.SummaryEn}.", "transferMode",
                detailZh: $"{rule.Id} 仅适用于以{string.Join("、", modes.Select(ModeZh))}方式取得的矿业权；本矿业权以{ModeZh(subject.TransferMode!)}方式取得。{rule.SummaryZh}。");
        }

        if (scope.BlankArea is { } blank && blank != right.BlankArea)
        {
            throw RefusalException.ByRule(rule.Id,
                $"{rule.Id} applies only to {(blank ? "blank-area (空白区)" : "non-blank-area")} rights; this right is {(right.BlankArea ? "in" : "not in")} a blank area. {rule.SummaryEn}.", "blankArea",
                detailZh: $"{rule.Id} 仅适用于{(blank ? "空白区" : "非空白区")}矿业权；本矿业权{(right.BlankArea ? "位于" : "不位于")}空白区。{rule.SummaryZh}。");
        }

        if (!scope.Covers(subject, policies.Minerals))
        {
            throw RefusalException.ByRule(rule.Id, $"{rule.Id} applies only to rights for {string.Join(", ", scope.Minerals ?? [])}. {rule.SummaryEn}.", "minerals",
                detailZh: $"{rule.Id} 仅适用于 {string.Join("、", scope.Minerals ?? [])} 矿种。{rule.SummaryZh}。");
        }

        return (definition, rule);
    }

    /// <summary>Said of an imported right whose renewal application date passed before the import (CN-RENEW), or nothing.</summary>
    private string LateRenewal(MiningRight right, DateOnly? processesFrom)
    {
        if (processesFrom is not { } day)
        {
            return "";
        }

        // Said only when RenewalTracking.ApplyBy, the one place that moves the day, moved it.
        var parameters = policies.Parameters(right.LocationCountyCode, day);
        var due = right.ExpiresOn.AddDays(-parameters.RenewalLeadDays);
        return Renewals.RenewalTracking.ApplyBy(right, parameters, day) != due
            ? $" Its renewal was to be applied for by {due:yyyy-MM-dd} (CN-RENEW, {parameters.RenewalLeadDays} days before expiry), before the import on {day:yyyy-MM-dd}: the holder may apply until it expires on {right.ExpiresOn:yyyy-MM-dd}."
            : "";
    }

    private static string KindZh(string kind) => kind == "exploration" ? "探矿权" : "采矿权";

    private static string ModeZh(string mode) => mode switch
    {
        "tender" => "招标",
        "auction" => "拍卖",
        "listing" => "挂牌",
        "agreement" => "协议",
        _ => mode,
    };

    [GeneratedRegex("^[A-Z0-9]{6,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex LicenseNumberPattern();
}
