namespace MiningRights.Web.Security;

/// <summary>
/// The headers every answer carries, pages, API, files and the API description alike. The pages load their scripts,
/// styles, fonts and images from the service itself only (no CDN on a government intranet, no inline script), so a
/// name someone typed that slips into a page as markup still cannot run or load anything; nothing may frame a page,
/// and no address (a calendar feed's secret one included) leaves in a Referer.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// <c>img-src data:</c> because the CSS (Pico) draws its checkboxes and select arrows as inline SVG images; no
    /// other directive allows anything beyond the service's own origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy of a page whose drawing library writes its own styles: inline styles allowed, nothing else.</summary>
    public static readonly string InlineStylesContentSecurityPolicy =
        ContentSecurityPolicy.Replace("style-src 'self';", "style-src 'self' 'unsafe-inline';", StringComparison.Ordinal);

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;

                // Browsers must take every answer, uploaded plans included, for the type it is sent as.
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = WritesOwnStyles(context) ? InlineStylesContentSecurityPolicy : ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = PermissionsPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>
    /// The pages drawn by a library that styles what it draws inline, one style per element, which no hash or nonce can
    /// name: a workflow diagram (Mermaid, <see cref="DrawsDiagramsAttribute"/>) and the API page (Swagger UI, served by
    /// middleware, so known by its path; administrators only outside Development).
    /// </summary>
    private static bool WritesOwnStyles(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<DrawsDiagramsAttribute>() is not null
        || (context.Request.Path.StartsWithSegments("/openapi") && !context.Request.Path.Value!.EndsWith(".json", StringComparison.Ordinal));
}
