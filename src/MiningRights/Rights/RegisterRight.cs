using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Ground;
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
public sealed class RegisterRight(
    MiningRightsDbContext db,
    WorkflowRegistry registry,
    WorkflowRuntime runtime,
    Access access,
    JurisdictionDirectory jurisdictions,
    Ground.IGroundRegister ground,
    IOptions<Ground.ListingOptions> listing,
    PolicyBook policies,
    ProcessTriggers triggers,
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
        Ground.CornerNotation? CornerNotation = null,
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
        var (number, county, authority) = RegistrationRequestCheck.Check(request, tree, today, registry);

        if (!await access.MayDecideAsync(user, authority.Code, ct))
        {
            throw RefusalException.Forbidden($"Registration authority {authority.Code} is outside your jurisdiction {user.JurisdictionCode}.",
                $"登记机关 {authority.Code} 不在您的辖区 {user.JurisdictionCode} 范围内。");
        }

        batch ??= await RegistrationBatch.ReadAsync(db, request, ct);
        var holder = batch.Holder(request.HolderId)
            ?? throw RefusalException.Invalid("holderId", $"No holder {request.HolderId} is registered.", $"未登记矿业权人 {request.HolderId}。");

        if (batch.IsRegistered(number))
        {
            throw RefusalException.Conflict($"Licence number {number} is already registered; numbers are permanent.", $"许可证号 {number} 已经登记；许可证号永久保留，不得重复使用。");
        }

        Ground.BlockPolygon? polygon = null;
        IReadOnlyList<Ground.GroundSharing> sharing = [];
        if (request.Corners is not null)
        {
            // The cap is on what a request asks for; a block's polygon, taken over as it is, was accepted under its own.
            // Corners as the licence writes them (拐点坐标 in a Gauss-Krüger zone) are converted first; longitude/latitude pass as they are.
            var corners = request.CornerNotation is Ground.CornerNotation.GaussKruger || request.Zone is not null
                ? Ground.Corners.ToLonLat(request.Corners, request.CornerNotation ?? Ground.CornerNotation.LonLat, request.Zone)
                : request.Corners;
            polygon = Ground.BlockPolygon.FromCorners(corners, fromBlockId is null ? listing.Value.MaxCorners : Ground.BlockPolygon.MostCorners);
            sharing = await ground.EnsureFreeAsync(polygon, fromBlockId, ct, batch.Ground);
        }

        var right = new MiningRight
        {
            LicenseNumber = number,
            Kind = request.Kind!.Value,
            HolderId = holder.Id,
            ProjectName = request.ProjectName!.Trim(),
            Minerals = string.Join(',', request.Minerals!.Select(m => m.Trim())),
            AreaKm2 = polygon?.AreaKm2 ?? request.AreaKm2!.Value,
            LocationCountyCode = county.Code,
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

        LoadedDefinition? workflow = null;
        PolicyRule? deferralRule = null;
        if (request.Deferral is not null)
        {
            (workflow, deferralRule) = DeferralChoice.Choose(registry, policies, request.Deferral, right);
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
        Ground.Footprint? footprint = null;
        if (polygon is not null)
        {
            footprint = Ground.Footprint.Of(Ground.Footprint.RightOwner, right.Id, polygon);
            db.Footprints.Add(footprint);
            await ground.RecordAsync(footprint, polygon, sharing, ct);
        }

        batch.Registered(right, footprint, polygon);

        var rules = policies.InForce(right.LocationCountyCode, right.RegisteredOn).Where(r => r.Stage == PolicyBook.RegistrationStage).ToList();
        var applied = rules.Count == 0
            ? "No provincial registration rule was in force; the national registration procedure applies."
            : string.Join(" ", rules.Select(r => r.Outcomes.GetValueOrDefault(right.IsPubliclyTransferred ? "public" : "agreement") ?? $"{r.Id}: {r.SummaryEn}."));

        runtime.Subjects.Remember(RightSubjectKind.Describe(right, $"{holder.NameZh} ({holder.NameEn})"));
        if (workflow is not null)
        {
            await runtime.StartAsync(workflow, new SubjectRef(RightSubjectKind.Kind, right.Id), user,
                new Dictionary<string, DateOnly> { [RegisteredOnDate] = right.RegisteredOn }, new Dictionary<string, string>(), ct, right.RegisteredOn);
        }

        // The processes that follow a term start on it (its renewal, CN-RENEW); a provisional licence's term is its rule's,
        // and begins when the licence is re-issued for the service life.
        IReadOnlyList<string> remarks = [];
        if (!termFromRule)
        {
            var asOf = processesFrom ?? right.RegisteredOn;
            remarks = await triggers.RaiseAsync(new RightInForce(right, user, policies.Parameters(right.LocationCountyCode, asOf), asOf, processesFrom), ct);
        }

        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now.UtcDateTime,
            Actor = user.Name,
            Action = "right.registered",
            DossierId = right.Id,
            RuleId = rules.Count > 0 ? rules[0].Id : null,
            Detail = $"{right.Kind} right {right.LicenseNumber} registered on {right.RegisteredOn:yyyy-MM-dd} for {holder.CreditCode}. {applied}{string.Concat(remarks.Select(r => " " + r))}",
        });

        return right;
    }
}
