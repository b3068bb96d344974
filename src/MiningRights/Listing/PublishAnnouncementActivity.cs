using System.Globalization;
using System.Text.Json.Nodes;
using MiningRights.Workflows;
using MiningRights.Workflows.Activities;

namespace MiningRights.Listing;

/// <summary>
/// <c>{"activity": "publishAnnouncement", "kind": "listing", "rule": "CN-TRANSFER", "deadline": "announcementPeriod"}</c>:
/// publishes the public notice of the block's step (an announcement, a result, a disclosure), running until the named
/// deadline's date. The prices come from the instance values <c>startingPrice</c> (published unless
/// <c>startingPricePublic</c> is "false") and <c>price</c>, the bidding deadline and contact from theirs; the
/// reserve price (底价) stays confidential, as the transfer rules require until the transaction is over. The transferee
/// is named as a public notice names it, by its company name only.
/// </summary>
public sealed class PublishAnnouncementActivity : IWorkflowActivity
{
    /// <summary>Instance value: "false" when the starting price is kept out of the announcement.</summary>
    public const string StartingPricePublic = "startingPricePublic";

    /// <summary>Instance value: the last day bids are taken, yyyy-MM-dd.</summary>
    public const string BiddingEndsOn = "biddingEndsOn";

    /// <summary>Instance value: the contact the announcement publishes.</summary>
    public const string Contact = "contact";

    public string Name => "publishAnnouncement";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "kind", "rule", "deadline").Concat(ActivityParameters.Rule(parameters, definition, Name)))
        {
            yield return problem;
        }

        if (!Enum.TryParse<AnnouncementKind>(ActivityParameters.String(parameters, "kind"), ignoreCase: true, out _))
        {
            yield return $"publishAnnouncement needs 'kind', one of {string.Join(", ", Enum.GetNames<AnnouncementKind>().Select(n => n.ToLowerInvariant()))}";
        }

        if (!ActivityParameters.IsDeadline(ActivityParameters.String(parameters, "deadline"), definition))
        {
            yield return $"unknown deadline '{ActivityParameters.String(parameters, "deadline")}'";
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var kind = Enum.Parse<AnnouncementKind>(ActivityParameters.String(parameters, "kind")!, ignoreCase: true);
        var block = await context.Db.Blocks.FindAsync([context.Subject.Id], cancellationToken)
            ?? throw new InvalidOperationException($"Block {context.Subject.Id} does not exist.");
        var until = await ActivityParameters.DeadlineAsync(context, ActivityParameters.String(parameters, "deadline"), cancellationToken);
        var method = block.TransferMode ?? throw new InvalidOperationException($"Block {block.Code} has no transfer method.");
        var (zh, en) = kind switch
        {
            AnnouncementKind.Listing => ($"{block.Name}{MethodZh(method)}出让公告", $"Announcement of transfer by {method.ToString().ToLowerInvariant()}: {block.Name}"),
            AnnouncementKind.Result => ($"{block.Name}出让结果公示", $"Outcome of the transfer: {block.Name}"),
            _ => ($"{block.Name}协议出让公示", $"Disclosure of the transfer by agreement: {block.Name}"),
        };
        context.Db.Announcements.Add(new TransferAnnouncement
        {
            BlockId = block.Id,
            InstanceId = context.Instance.Id,
            Kind = kind,
            Method = method,
            TitleZh = zh,
            TitleEn = en,
            StartingPrice = context.Values.Get(StartingPricePublic) == "false" ? null : Money(context.Values.Get("startingPrice")),
            Price = kind == AnnouncementKind.Listing ? null : Money(context.Values.Get("price")),
            TransfereeName = kind == AnnouncementKind.Listing || context.Subject.HolderName.Length == 0 ? null : context.Subject.HolderName,
            StartsOn = context.Today,
            EndsOn = until?.DueOn,
            RuleId = ActivityParameters.RuleId(context, parameters),
            PublishedAtUtc = context.NowUtc,
            BiddingEndsOn = kind == AnnouncementKind.Listing
                && DateOnly.TryParseExact(context.Values.Get(BiddingEndsOn), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var biddingEnds) ? biddingEnds : null,
            Contact = context.Values.Get(Contact),
        });
    }

    private static decimal? Money(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string MethodZh(Rights.TransferMode method) => method switch
    {
        Rights.TransferMode.Tender => "招标",
        Rights.TransferMode.Auction => "拍卖",
        Rights.TransferMode.Listing => "挂牌",
        _ => "协议",
    };
}
