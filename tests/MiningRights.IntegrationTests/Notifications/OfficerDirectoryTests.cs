using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Notifications;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>
/// The officers a notice goes to are read afresh for every unit of work: an officer made a second ago is told of the
/// next step on a subject of its authority, and an officer locked a second ago is told of nothing more. (The list
/// used to be kept for five minutes and nothing renewed it when an account was made or locked.)
/// </summary>
public sealed class OfficerDirectoryTests
{
    [Fact]
    public async Task An_officer_made_a_second_ago_is_told_of_the_next_step_and_one_locked_a_second_ago_is_not()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync("620000");
        var admin = await api.AdminAsync();
        var holder = await api.HolderAsync();
        var rights = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1), deferral: null)), HttpStatusCode.Created);
            rights.Add(right["id"]!.GetValue<string>());
        }

        // The first application reads the province's officers, as any notice to them does.
        var first = await OfficerAsync(api);
        await ApplyAsync(holder.Client, rights[0]);
        Assert.Contains(first.Email, await ToldOfAsync(factory, rights[0]));

        var second = await OfficerAsync(api);
        await ApplyAsync(holder.Client, rights[1]);
        Assert.Contains(second.Email, await ToldOfAsync(factory, rights[1]));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{second.Id}/lock", null)).StatusCode);
        await ApplyAsync(holder.Client, rights[2]);
        var toldOfThird = await ToldOfAsync(factory, rights[2]);
        Assert.Contains(first.Email, toldOfThird);
        Assert.DoesNotContain(second.Email, toldOfThird);
    }

    private static async Task<(string Id, string Email)> OfficerAsync(Api api)
    {
        var email = $"authority-{Guid.NewGuid():N}@officers.test";
        return ((await api.CreateAccountAsync("Authority", "620000", email: email)).Id, email);
    }

    /// <summary>The holder applies for the right's renewal, which tells the right's registration authority (CN-RENEW).</summary>
    private static async Task ApplyAsync(HttpClient holder, string right)
    {
        var detail = await Api.ReadAsync(await holder.GetAsync($"/api/rights/{right}"), HttpStatusCode.OK);
        var renewal = detail["workflows"]!.AsArray().Single(w => w!["definitionId"]!.GetValue<string>() == "renewal")!["instanceId"]!.GetValue<string>();
        await Api.ReadAsync(await holder.PostAsJsonAsync($"/api/workflows/instances/{renewal}/signals/apply", new { values = new { termYears = 2, reason = "继续勘查" } }), HttpStatusCode.OK);
    }

    private static async Task<List<string>> ToldOfAsync(ServiceFactory factory, string right)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var instances = await db.WorkflowInstances.Where(i => i.SubjectId == Guid.Parse(right)).Select(i => i.Id).ToListAsync();
        return await db.Notifications.Where(n => instances.Contains(n.InstanceId)).Select(n => n.Recipient).ToListAsync();
    }
}
