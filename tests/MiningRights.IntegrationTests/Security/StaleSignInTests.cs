using System.Net.Http.Json;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>A token or cookie dies with the account state it was issued for: password, lockout, the account itself.</summary>
public sealed class StaleSignInTests
{
    private const string NewPassword = "Changed-Passw0rd!";

    [Fact]
    public async Task A_token_issued_before_a_password_change_is_refused_and_one_issued_after_works()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var (_, userName) = await CreateOfficerAsync(api);
        var before = await api.LoginAsync(userName);
        await Api.ReadAsync(await before.GetAsync("/api/auth/me"), HttpStatusCode.OK);

        // A wrong current password changes nothing: the token still works and the old password still signs in.
        var wrong = await ProblemAssert.ReadAsync(
            await before.PostAsJsonAsync("/api/auth/password", new { currentPassword = "Not-the-Passw0rd!", newPassword = NewPassword }),
            HttpStatusCode.BadRequest);
        ProblemAssert.Errors(wrong, "currentPassword");
        await Api.ReadAsync(await before.GetAsync("/api/auth/me"), HttpStatusCode.OK);

        var changed = await before.PostAsJsonAsync("/api/auth/password", new { currentPassword = ServiceFactory.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await ProblemAssert.ReadDenialAsync(await before.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await ProblemAssert.ReadDenialAsync(await before.GetAsync("/api/rights"), HttpStatusCode.Unauthorized);
        var oldPassword = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password = ServiceFactory.Password });
        await ProblemAssert.ReadAsync(oldPassword, HttpStatusCode.Unauthorized);

        var after = await api.LoginAsync(userName, NewPassword);
        var me = await Api.ReadAsync(await after.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        Assert.Equal(userName, me["userName"]!.GetValue<string>());
        await Api.ReadAsync(await after.GetAsync("/api/rights"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_is_refused_as_soon_as_an_administrator_locks_its_account_and_stays_refused_after_the_unlock()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var (id, userName) = await CreateOfficerAsync(api);
        var officer = await api.LoginAsync(userName);
        await Api.ReadAsync(await officer.GetAsync("/api/rights"), HttpStatusCode.OK);

        // Only an administrator locks accounts.
        await ProblemAssert.ReadDenialAsync(await officer.PostAsync($"/api/accounts/{id}/lock", null), HttpStatusCode.Forbidden);
        await Api.ReadAsync(await officer.GetAsync("/api/rights"), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/lock", null)).StatusCode);
        await ProblemAssert.ReadDenialAsync(await officer.GetAsync("/api/rights"), HttpStatusCode.Unauthorized);
        // The right password is refused like a wrong one: the answer does not tell a locked account from a wrong password.
        var login = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password = ServiceFactory.Password });
        var wrong = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = ServiceFactory.AdminUser, password = "Not-the-Passw0rd!" });
        Assert.Equal(
            Sessions.WithoutTraceId(await ProblemAssert.ReadAsync(wrong, HttpStatusCode.Unauthorized)),
            Sessions.WithoutTraceId(await ProblemAssert.ReadAsync(login, HttpStatusCode.Unauthorized)));

        // Other accounts go on working, and an administrator cannot lock themselves out.
        await Api.ReadAsync(await admin.GetAsync("/api/rights"), HttpStatusCode.OK);
        var me = await Api.ReadAsync(await admin.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        var adminId = await AccountIdAsync(factory, me["userName"]!.GetValue<string>());
        await ProblemAssert.ReadAsync(await admin.PostAsync($"/api/accounts/{adminId}/lock", null), HttpStatusCode.Conflict);
        await ProblemAssert.ReadAsync(await admin.PostAsync($"/api/accounts/{Guid.NewGuid()}/lock", null), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{id}/unlock", null)).StatusCode);
        await ProblemAssert.ReadDenialAsync(await officer.GetAsync("/api/rights"), HttpStatusCode.Unauthorized);
        var again = await api.LoginAsync(userName);
        await Api.ReadAsync(await again.GetAsync("/api/rights"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_sign_in_cookie_stops_working_when_its_account_is_deleted()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var (id, userName) = await CreateOfficerAsync(api);
        var browser = factory.CreateClient();
        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName, password = ServiceFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        await Api.ReadAsync(await browser.GetAsync("/api/auth/me"), HttpStatusCode.OK);

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(id))!)).Succeeded);
        }

        var refused = await browser.GetAsync("/api/auth/me");
        await ProblemAssert.ReadDenialAsync(refused, HttpStatusCode.Unauthorized);

        // The browser is told to drop the dead cookie.
        Assert.Contains(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_password_change_ends_the_users_other_tokens_and_cookie_sessions_and_the_password_is_kept_only_as_an_Identity_hash()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var (id, userName) = await CreateOfficerAsync(api);
        var laptop = await api.LoginAsync(userName);
        var phone = await api.LoginAsync(userName);
        var browser = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName, password = ServiceFactory.Password })).StatusCode);
        await Api.ReadAsync(await browser.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        await Api.ReadAsync(await phone.GetAsync("/api/auth/me"), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.PostAsJsonAsync("/api/auth/password", new { currentPassword = ServiceFactory.Password, newPassword = NewPassword })).StatusCode);

        // Every session of the user ends, not only the one that changed the password.
        await ProblemAssert.ReadDenialAsync(await phone.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await ProblemAssert.ReadDenialAsync(await browser.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await ProblemAssert.ReadDenialAsync(await laptop.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);

        // What the database keeps is Identity's salted PBKDF2 hash (format version 3), never the password itself.
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(id))!;
        var stored = Convert.FromBase64String(user.PasswordHash!);
        Assert.Equal(0x01, stored[0]);
        Assert.DoesNotContain(NewPassword, user.PasswordHash!, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash!, NewPassword));
        Assert.Equal(PasswordVerificationResult.Failed, users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash!, ServiceFactory.Password));
    }

    private static async Task<(string Id, string UserName)> CreateOfficerAsync(Api api)
    {
        var admin = await api.AdminAsync();
        var userName = $"officer-{Guid.NewGuid():N}"[..20];
        var created = await Api.ReadAsync(await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName,
            password = ServiceFactory.Password,
            role = "Authority",
            email = $"{userName}@officers.test",
            language = "en",
            jurisdictionCode = "620000",
        }), HttpStatusCode.Created);
        return (created["id"]!.GetValue<string>(), userName);
    }

    private static async Task<string> AccountIdAsync(ServiceFactory factory, string userName)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.Id;
    }
}
