using Microsoft.Extensions.Options;

namespace MiningRights.Web.Hosting;

/// <summary>The service's own address for links it hands out: the configured one, or in its absence the request's.</summary>
public sealed class PublicAddress(IOptions<ServiceOptions> options)
{
    public Uri Site(HttpRequest request) =>
        options.Value.PublicBase is { } configured
            ? new Uri(configured.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");

    /// <summary>The secret address of a holder's calendar feed, which the API hands out and the holder's deadlines page shows.</summary>
    public Uri CalendarFeed(HttpRequest request, string token) => new(Site(request), $"/calendar/{token}.ics");
}
