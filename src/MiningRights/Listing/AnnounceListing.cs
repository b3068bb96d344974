using System.Globalization;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Contracts;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Listing;

/// <summary>
/// The authority announces a planned block for public transfer by tender (招标), auction (拍卖) or listing (挂牌) with a
/// reserve price: the listing workflow starts on the block and the announcement is published for its period.
/// </summary>
public sealed class AnnounceListing(MiningRightsDbContext db, BlockAccess blocks, WorkflowRegistry registry, WorkflowRuntime runtime, TimeProvider time)
{
    public const string Workflow = "listing";

    /// <summary>Longest contact (联系方式) an announcement publishes.</summary>
    public const int MaxContact = 200;

    /// <summary>Latest bidding deadline, in days after the announcement: a listing runs weeks, never more than a year.</summary>
    public const int MaxBiddingDays = 365;

    /// <param name="Method">Tender (招标), auction (拍卖) or listing (挂牌).</param>
    /// <param name="ReservePrice">底价: no transaction below it; confidential, never published.</param>
    /// <param name="StartingPrice">起始价 of an auction or listing, published with the announcement (optional, at most the reserve).</param>
    /// <param name="BiddingEndsOn">竞买截止日: the last day bids are taken, published (optional, after today).</param>
    /// <param name="Contact">联系方式 the announcement publishes: office, telephone, address (optional).</param>
    /// <param name="StartingPricePublic">Whether the announcement publishes the starting price (default yes); the reserve is never published.</param>
    public sealed record Request(TransferMode? Method, decimal? ReservePrice, decimal? StartingPrice = null, DateOnly? BiddingEndsOn = null, string? Contact = null,
        bool? StartingPricePublic = null);

    public async Task<WorkflowInstance> HandleAsync(Guid blockId, Request request, Actor user, CancellationToken ct)
    {
        var block = await blocks.ForDecisionAsync(user, blockId, ct);
        if (request.Method is not (TransferMode.Tender or TransferMode.Auction or TransferMode.Listing))
        {
            throw RefusalException.Invalid("method", "The method is required: tender (招标), auction (拍卖) or listing (挂牌). An agreement transfer has its own request.",
                "必须填写出让方式：招标（tender）、拍卖（auction）或挂牌（listing）。协议出让另行申请。");
        }

        if (!Yuan.IsPayable(request.ReservePrice))
        {
            throw RefusalException.Invalid("reservePrice", "The reserve price (底价) is required: more than 0 yuan, in fen at most (two decimals).", "必须填写底价：大于 0 元，最多精确到分（两位小数）。");
        }

        if (request.StartingPrice is { } starting && (!Yuan.IsPayable(starting) || starting > request.ReservePrice))
        {
            throw RefusalException.Invalid("startingPrice", "The starting price (起始价) is more than 0 yuan, in fen, and not above the reserve price.",
                "起始价应大于 0 元，以分为最小单位，且不得高于底价。");
        }

        var today = Time.ProvinceCalendar.China.DateAt(time.GetUtcNow());
        if (request.BiddingEndsOn is { } biddingEnds && (biddingEnds <= today || biddingEnds > today.AddDays(MaxBiddingDays)))
        {
            throw RefusalException.Invalid("biddingEndsOn", $"The bidding deadline falls after today and within {MaxBiddingDays} days.",
                $"竞买截止日应晚于今天，且在 {MaxBiddingDays} 日以内。");
        }

        if (request.Contact is { } contact && (contact.Trim().Length == 0 || contact.Length > MaxContact))
        {
            throw RefusalException.Invalid("contact", $"The contact is text of at most {MaxContact} characters.", $"联系方式最多 {MaxContact} 个字符。");
        }

        var definition = StartTransfer.CheckPlanned(block, registry, Workflow, time);
        block.TransferMode = request.Method;
        block.Status = BlockStatus.InTransfer;
        block.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        block.Version++;
        runtime.Subjects.Remember(BlockSubjectKind.Describe(block, null));
        var instance = await runtime.StartAsync(definition, new SubjectRef(BlockSubjectKind.Kind, block.Id), user,
            new Dictionary<string, DateOnly> { ["announcedOn"] = today },
            Published(request), ct);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = user.Name,
            Action = "block.announced",
            RuleId = "CN-TRANSFER",
            Detail = $"Block {block.Code} announced for transfer by {request.Method.Value.ToString().ToLowerInvariant()}, reserve price {Yuan.En(request.ReservePrice.Value)}. 发布出让公告。",
        });
        await db.SaveChangesAsync(ct);
        return instance;
    }

    /// <summary>The instance's values: the prices, and what the announcement publishes besides (<see cref="PublishAnnouncementActivity"/> reads them).</summary>
    private static Dictionary<string, string> Published(Request request)
    {
        var values = new Dictionary<string, string> { ["reservePrice"] = request.ReservePrice!.Value.ToString(CultureInfo.InvariantCulture) };
        if (request.StartingPrice is { } starting)
        {
            values["startingPrice"] = starting.ToString(CultureInfo.InvariantCulture);
            values[PublishAnnouncementActivity.StartingPricePublic] = request.StartingPricePublic is false ? "false" : "true";
        }

        if (request.BiddingEndsOn is { } biddingEnds)
        {
            values[PublishAnnouncementActivity.BiddingEndsOn] = biddingEnds.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (request.Contact?.Trim() is { Length: > 0 } contact)
        {
            values[PublishAnnouncementActivity.Contact] = contact;
        }

        return values;
    }
}
