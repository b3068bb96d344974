using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Ground;
using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>
/// An authority adds a candidate block to the transfer block pool (出让区块项目库, GS-8b): minerals, county, corner
/// coordinates, intended kind of right and the flags ZJ-24, ZJ-25 and ZJ-26 ask about. Blocks of the eight priority
/// minerals (GS-8a) are flagged. A polygon that is invalid, has more corners than <see cref="ListingOptions.MaxCorners"/>,
/// or overlaps a live block or a right in force, is refused; an accepted one is stored with its overlaps.
/// </summary>
public sealed class AddBlock(
    MiningRightsDbContext db,
    Access access,
    JurisdictionDirectory jurisdictions,
    GroundCheck ground,
    IOptions<ListingOptions> options,
    Policies.PolicyBook policies,
    TimeProvider time)
{
    /// <summary>The provision a province's rule fills to flag priority minerals and list their blocks first (GS-8a).</summary>
    public const string PriorityMinerals = "priorityMinerals";

    /// <summary>The provision of a province's block pool and regular transfer (GS-8b); elsewhere the national transfer rules (CN-TRANSFER).</summary>
    public const string BlockPool = "blockPool";

    public sealed record Request(
        string? Name,
        string[]? Minerals,
        string? CountyCode,
        string? AuthorityCode,
        RightKind? IntendedKind,
        bool? BlankArea,
        double[][]? Corners,
        bool? MajorProjectInfrastructure,
        Rights.MineScale? MineScale,
        bool? MountainOrIslandCounty,
        CombinedSupply? CombinedSupply);

    public async Task<TransferBlock> HandleAsync(Request request, Actor user, CancellationToken ct)
    {
        var tree = await jurisdictions.TreeAsync(db, ct);
        var errors = new Dictionary<string, string[]>();
        var errorsZh = new Dictionary<string, string>();
        void Error(string field, string message, string messageZh)
        {
            errors[field] = [message];
            errorsZh[field] = messageZh;
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            Error("name", "The block name is required (at most 200 characters).", "必须填写区块名称（最多 200 个字符）。");
        }

        if (request.Minerals is not { Length: > 0 and <= 20 } || request.Minerals.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 20))
        {
            Error("minerals", "One to 20 minerals (矿种) are required, each at most 20 characters.", "须填写 1 至 20 个矿种，每个最多 20 个字符。");
        }

        var county = tree.Find(request.CountyCode);
        if (county is not { Level: JurisdictionLevel.County })
        {
            Error("countyCode", $"'{Text.Cut(request.CountyCode)}' is not a county (县/区) code of the jurisdiction tree.",
                $"“{Text.Cut(request.CountyCode)}”不是行政区划树中的县（区）代码。");
        }

        var authority = tree.Find(request.AuthorityCode);
        if (authority is null)
        {
            Error("authorityCode", $"'{Text.Cut(request.AuthorityCode)}' is not a jurisdiction code.", $"“{Text.Cut(request.AuthorityCode)}”不是行政区划代码。");
        }
        else if (county is not null && !tree.Contains(authority.Code, county.Code))
        {
            Error("authorityCode", $"The transferring authority {authority.Code} is not above the county {county.Code}.",
                $"出让登记机关 {authority.Code} 不是县（区）{county.Code} 的上级机关。");
        }

        if (request.IntendedKind is null)
        {
            Error("intendedKind", "The intended kind of right is required: exploration (探矿权) or mining (采矿权).",
                "必须填写拟设矿业权类型：探矿权（exploration）或采矿权（mining）。");
        }

        if (request.BlankArea == true && request.IntendedKind == RightKind.Mining)
        {
            Error("blankArea", "The blank-area flag (空白区) applies to exploration blocks only.", "空白区标记仅适用于探矿权区块。");
        }

        if (request.CombinedSupply == Listing.CombinedSupply.SeaArea && request.IntendedKind != RightKind.Mining)
        {
            Error("combinedSupply", "Combined supply with a sea-area use right (ZJ-24) is for sea-sand mining rights only.",
                "与海域使用权组合供应（ZJ-24）仅适用于海砂采矿权。");
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid block", "The block could not be added: see the field errors.", errors: errors,
                detailZh: $"无法添加该区块：{string.Concat(errorsZh.Values)}");
        }

        if (!await access.MayDecideAsync(user, authority!.Code, ct))
        {
            throw RefusalException.Forbidden($"Transferring authority {authority.Code} is outside your jurisdiction {user.JurisdictionCode}.",
                $"出让登记机关 {authority.Code} 不在您的辖区 {user.JurisdictionCode} 范围内。");
        }

        var polygon = BlockPolygon.FromCorners(request.Corners, options.Value.MaxCorners);
        await using var hold = await ground.HoldAsync(ct);
        var sharing = await ground.EnsureFreeAsync(polygon, null, ct);

        var now = time.GetUtcNow();
        var minerals = request.Minerals!.Select(m => m.Trim()).Distinct().ToList();
        // Priority minerals are those of the rule in force for the county today (GS-8a in Gansu), matched through the mineral list.
        var today = Time.ProvinceCalendar.China.DateAt(now);
        var scope = new Policies.RuleSubject(county!.Code, request.IntendedKind == RightKind.Exploration ? "exploration" : "mining", null, request.BlankArea ?? false, minerals);
        var priority = policies.Provider(PriorityMinerals, scope, today, today);
        var pool = policies.Provider(BlockPool, scope, today, today);
        var block = new TransferBlock
        {
            Code = $"CR{county!.Code}-{Time.ProvinceCalendar.China.DateAt(now):yyyyMMdd}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}",
            Name = request.Name!.Trim(),
            Minerals = string.Join(',', minerals),
            CountyCode = county.Code,
            AuthorityCode = authority.Code,
            IntendedKind = request.IntendedKind!.Value,
            BlankArea = request.BlankArea ?? false,
            AreaKm2 = polygon.AreaKm2,
            PriorityMineral = priority is not null,
            MajorProjectInfrastructure = request.MajorProjectInfrastructure ?? false,
            MineScale = request.MineScale?.ToString(),
            MountainOrIslandCounty = request.MountainOrIslandCounty ?? false,
            CombinedSupply = request.CombinedSupply ?? Listing.CombinedSupply.None,
            CreatedAtUtc = now.UtcDateTime,
            UpdatedAtUtc = now.UtcDateTime,
        };
        db.Blocks.Add(block);
        var footprint = Footprint.Of(Footprint.BlockOwner, block.Id, polygon);
        db.Footprints.Add(footprint);
        await ground.RecordAsync(footprint, polygon, sharing, ct);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now.UtcDateTime,
            Actor = user.Name,
            Action = "block.added",
            RuleId = priority?.Id ?? pool?.Id ?? "CN-TRANSFER",
            Detail = $"Block {block.Code} ({block.Name}, {block.Minerals}, {block.AreaKm2} km², county {block.CountyCode}) added to the transfer block pool"
                + (priority is null ? string.Empty : $"; priority mineral ({priority.Id})") + ". 纳入出让区块项目库。",
        });
        await db.SaveChangesAsync(ct);
        await hold.CommitAsync(ct);
        return block;
    }
}
