using Microsoft.Extensions.Options;

namespace MiningRights.Web.Hosting;

/// <summary>The service's own address for links it hands out: the configured one, or in its absence the request's.</summary>
public sealed class PublicAddress(IOptions<ServiceOptions> options)
{
    public Uri Site(HttpRequest request) =>
        options.Value.PublicBase is { } configured
            ? new Uri(configured.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
}
