using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Hosting;

/// <summary>Sign-in cookies are sealed with keys kept in the data folder: a restart does not sign anybody out.</summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_a_second_instance_on_the_same_data_folder_and_by_no_other()
    {
        var start = TestClock.Shanghai(2025, 3, 1, 10);
        string cookie;
        string dataDirectory;
        using (var first = new ServiceFactory(start))
        {
            dataDirectory = first.DataDirectory;
            var login = await Client(first).PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = ServiceFactory.AdminUser, password = ServiceFactory.Password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)).Split(';')[0];
            Assert.Equal(HttpStatusCode.OK, (await MeAsync(first, cookie)).StatusCode);
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dataDirectory, "keys"), "key-*.xml"));

        using (var second = new ServiceFactory(start, dataDirectory))
        {
            var me = await Api.ReadAsync(await MeAsync(second, cookie), HttpStatusCode.OK);
            Assert.Equal(ServiceFactory.AdminUser, me["userName"]!.GetValue<string>());
        }

        // A service on another data folder has other keys: the cookie means nothing there.
        using var other = new ServiceFactory(start);
        await ProblemAssert.ReadDenialAsync(await MeAsync(other, cookie), HttpStatusCode.Unauthorized);
    }

    private static HttpClient Client(ServiceFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    private static async Task<HttpResponseMessage> MeAsync(ServiceFactory factory, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        return await Client(factory).SendAsync(request);
    }
}
