namespace MiningRights.Web.ApiDocumentation;

/// <summary>
/// Where a write endpoint's act is offered in the browser, declared where the endpoint is mapped: the page (its route
/// pattern) and the handler its form posts to, or why the act has no page. The endpoint-walk test reads this metadata
/// and fails for a write an officer may call that carries neither, for a page that does not exist or has no such
/// handler, and for a page that renders no form posting to it.
/// </summary>
public static class EndpointForms
{
    /// <summary>
    /// The page, by its route pattern, whose form posts to <see cref="Handler"/> (null: the page's default POST handler).
    /// <see cref="ShownWhen"/> says, for a form the page shows only at one stage of its subject (a block's transaction
    /// once announced), when that is; the walk then checks the page and its handler, and the browser test of that chain
    /// walks the form itself.
    /// </summary>
    public sealed record OfferedOnPage(string Page, string? Handler, string? ShownWhen = null);

    /// <summary>Why the act has no form of its own (sign-in, the demo clock, a job an administrator runs).</summary>
    public sealed record ApiOnlyReason(string Reason);

    public static TBuilder OfferedOn<TBuilder>(this TBuilder builder, string page, string? handler = null, string? shownWhen = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OfferedOnPage(page, handler, shownWhen));

    public static TBuilder ApiOnly<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiOnlyReason(reason));
}
