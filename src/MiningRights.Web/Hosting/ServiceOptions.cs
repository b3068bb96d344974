namespace MiningRights.Web.Hosting;

/// <summary>Configuration section <c>Service</c>: where readers reach the service, and who stands in front of it.</summary>
public sealed class ServiceOptions
{
    public const string Section = "Service";

    /// <summary>
    /// The address readers and calendar applications use (<c>https://kyq.example.gov.cn/</c>). Addresses the service
    /// hands out (the calendar feed, links in it) are built from it, never from the request's Host header, which anyone
    /// can set. Required in Production; elsewhere, when empty, the request's own address is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Reverse proxies (addresses, or networks as <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed. Empty: no forwarded header is believed, from anyone.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    public Uri? PublicBase => Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) ? uri : null;
}
