using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MiningRights.Web.Hosting;

/// <summary>
/// How the service stands on the network: its public address, the proxies it believes, the hosts it answers to, and
/// in Production HTTPS only (HSTS, redirection).
/// </summary>
public static class ServiceExtensions
{
    public static void AddServiceAddress(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.Services.AddOptions<ServiceOptions>().BindConfiguration(ServiceOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.PublicBaseUrl) || o.PublicBase is { Scheme: "http" or "https", Query: "" },
                "Service:PublicBaseUrl must be an absolute http or https address without a query, e.g. https://kyq.example.gov.cn/.")
            .Validate(o => !production || !string.IsNullOrEmpty(o.PublicBaseUrl),
                "Service:PublicBaseUrl is required in Production (e.g. Service__PublicBaseUrl=https://kyq.example.gov.cn/): the addresses the service hands out are built from it, never from the request's Host header.")
            .Validate(o => o.TrustedProxies.All(p => IPAddress.TryParse(p, out _) || System.Net.IPNetwork.TryParse(p, out _)),
                "Service:TrustedProxies lists IP addresses or networks (10.0.0.0/8).")
            .ValidateOnStart();
        builder.Services.AddSingleton<PublicAddress>();

        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ServiceOptions>>((forwarded, service) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The framework believes loopback by default; only the proxies named are believed here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in service.Value.TrustedProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
            }
        });

        // In Production the service answers only to its public host unless AllowedHosts says otherwise (a request
        // naming another host is 400), so nothing downstream ever sees a Host header of a stranger's choosing.
        if (production && string.IsNullOrEmpty(builder.Configuration["AllowedHosts"]))
        {
            builder.Services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<ServiceOptions>>((hosts, service) =>
            {
                if (service.Value.PublicBase is { } site)
                {
                    hosts.AllowedHosts = [site.Host];
                }
            });
        }

        if (production)
        {
            builder.Services.AddHsts(options =>
            {
                options.MaxAge = TimeSpan.FromDays(365);
                options.IncludeSubDomains = false;
            });
        }
    }

    /// <summary>First in the pipeline, so that every later step sees the client's address and scheme.</summary>
    public static void UseServiceAddress(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        if (app.Environment.IsProduction())
        {
            app.UseHsts();

            // Health probes come from inside the network over plain HTTP and follow no redirect.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }
    }
}
