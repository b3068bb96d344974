using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Listing;

/// <summary>
/// An authority adds a candidate block to the transfer block pool (出让区块项目库, GS-8b): minerals, county, corner
/// coordinates, intended kind of right and the flags ZJ-24, ZJ-25 and ZJ-26 ask about. Blocks of the eight priority
/// minerals (GS-8a) are flagged. A polygon that is invalid, or overlaps a live block or a right in force, is refused.
/// </summary>
public sealed class AddBlock(MiningRightsDbContext db, RightAccess access, JurisdictionDirectory jurisdictions, GroundCheck ground, TimeProvider time)
{
    /// <summary>The priority minerals of GS-8a.</summary>
    public static readonly IReadOnlyList<string> PriorityMinerals = ["金", "铜", "镍", "钴", "钨", "锑", "钒", "晶质石墨"];

    public sealed record Request(
        string? Name,
        string[]? Minerals,
        string? CountyCode,
        string? AuthorityCode,
        RightKind? IntendedKind,
        bool? BlankArea,
        double[][]? Corners,
        bool? MajorProjectInfrastructure,
        Licensing.MineScale? MineScale,
        bool? MountainOrIslandCounty,
        CombinedSupply? CombinedSupply);

    public async Task<TransferBlock> HandleAsync(Request request, CurrentUser user, CancellationToken ct)
    {
        var tree = await jurisdictions.TreeAsync(db, ct);
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            Error("name", "The block name is required (at most 200 characters).");
        }

        if (request.Minerals is not { Length: > 0 and <= 20 } || request.Minerals.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 20))
        {
            Error("minerals", "One to 20 minerals (矿种) are required, each at most 20 characters.");
        }

        var county = tree.Find(request.CountyCode);
        if (county is not { Level: JurisdictionLevel.County })
        {
            Error("countyCode", $"'{Text.Cut(request.CountyCode)}' is not a county (县/区) code of the jurisdiction tree.");
        }

        var authority = tree.Find(request.AuthorityCode);
        if (authority is null)
        {
            Error("authorityCode", $"'{Text.Cut(request.AuthorityCode)}' is not a jurisdiction code.");
        }
        else if (county is not null && !tree.Contains(authority.Code, county.Code))
        {
            Error("authorityCode", $"The transferring authority {authority.Code} is not above the county {county.Code}.");
        }

        if (request.IntendedKind is null)
        {
            Error("intendedKind", "The intended kind of right is required: exploration (探矿权) or mining (采矿权).");
        }

        if (request.BlankArea == true && request.IntendedKind == RightKind.Mining)
        {
            Error("blankArea", "The blank-area flag (空白区) applies to exploration blocks only.");
        }

        if (request.CombinedSupply == Listing.CombinedSupply.SeaArea && request.IntendedKind != RightKind.Mining)
        {
            Error("combinedSupply", "Combined supply with a sea-area use right (ZJ-24) is for sea-sand mining rights only.");
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid block", "The block could not be added: see the field errors.", errors: errors);
        }

        if (!await access.CoversAsync(user, authority!.Code, ct))
        {
            throw RefusalException.Forbidden($"Transferring authority {authority.Code} is outside your jurisdiction {user.JurisdictionCode}.");
        }

        var polygon = BlockPolygon.FromCorners(request.Corners);
        await using var hold = await ground.HoldAsync(county!.Code, ct);
        await ground.EnsureFreeAsync(polygon, null, ct);

        var now = time.GetUtcNow();
        var minerals = request.Minerals!.Select(m => m.Trim()).Distinct().ToList();
        var block = new TransferBlock
        {
            Code = $"CR{county.Code}-{Deadlines.ProvinceCalendar.China.DateAt(now):yyyyMMdd}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}",
            Name = request.Name!.Trim(),
            Minerals = string.Join(',', minerals),
            CountyCode = county.Code,
            AuthorityCode = authority.Code,
            IntendedKind = request.IntendedKind!.Value,
            BlankArea = request.BlankArea ?? false,
            AreaKm2 = polygon.AreaKm2,
            PriorityMineral = minerals.Any(PriorityMinerals.Contains),
            MajorProjectInfrastructure = request.MajorProjectInfrastructure ?? false,
            MineScale = request.MineScale?.ToString(),
            MountainOrIslandCounty = request.MountainOrIslandCounty ?? false,
            CombinedSupply = request.CombinedSupply ?? Listing.CombinedSupply.None,
            CreatedAtUtc = now.UtcDateTime,
            UpdatedAtUtc = now.UtcDateTime,
        };
        db.Blocks.Add(block);
        db.Footprints.Add(Footprint.Of(Footprint.BlockOwner, block.Id, polygon));
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now.UtcDateTime,
            Actor = user.Name,
            Action = "block.added",
            RuleId = block.PriorityMineral ? "GS-8a" : "GS-8b",
            Detail = $"Block {block.Code} ({block.Name}, {block.Minerals}, {block.AreaKm2} km², county {block.CountyCode}) added to the transfer block pool"
                + (block.PriorityMineral ? "; priority mineral (GS-8a)" : string.Empty) + ". 纳入出让区块项目库。",
        });
        await db.SaveChangesAsync(ct);
        await hold.CommitAsync(ct);
        return block;
    }
}
