using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// Sign-ins, failed sign-ins and denials are logged with the user and the address they came from, over real TCP; the
/// password is never written down, neither the wrong one nor the right one.
/// </summary>
public sealed class SignInLogTests
{
    [Fact]
    public async Task Sign_ins_failures_and_denials_are_logged_with_user_and_address_and_never_the_password()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        var officer = await new Api(factory).AccountAsync("Authority", "620000");
        var me = await (await officer.GetAsync("/api/auth/me")).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        var userName = me!["userName"]!.GetValue<string>();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        const string wrong = "Wrong-Password-7731!";
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = wrong })).StatusCode);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = ServiceFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["accessToken"]!.GetValue<string>();
        using var signedIn = new HttpClient { BaseAddress = new Uri(address) };
        signedIn.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/rights")).StatusCode);

        var lines = factory.Logs.Lines;
        Assert.Contains(lines, l => l.Contains($"Sign-in failed (API): {userName} from 127.0.0.1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"Signed in (API): {userName} from 127.0.0.1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"Access denied (403): {userName} from 127.0.0.1 GET /api/accounts", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Access denied (401, not signed in): from 127.0.0.1 GET /api/rights", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(wrong, StringComparison.Ordinal) || l.Contains(ServiceFactory.Password, StringComparison.Ordinal));
    }
}
