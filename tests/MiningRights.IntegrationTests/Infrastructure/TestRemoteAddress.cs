using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace MiningRights.IntegrationTests.Infrastructure;

/// <summary>
/// The address a test request comes from. The in-memory test server gives every request no remote address at all, so a
/// test that plays a stranger and the real user from two places says where each is in this header; the filter, which
/// exists only in the test project, puts it on the connection before the service sees the request. (Not
/// X-Forwarded-For: the service honours that from configured proxies only.)
/// </summary>
public sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    /// <summary>A client of <paramref name="factory"/> whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient Client(ServiceFactory factory, string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var given) && IPAddress.TryParse(given.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
