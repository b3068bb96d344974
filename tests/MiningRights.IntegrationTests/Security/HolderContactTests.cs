using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>A holder's contact addresses go only to those who write to it: itself, administrators, and the officers of its rights.</summary>
public sealed class HolderContactTests
{
    private static readonly DateOnly Registered = new(2025, 3, 1);

    [Fact]
    public async Task Officers_whose_jurisdiction_holds_a_right_of_the_holder_see_its_contacts_and_others_see_the_holder_without_them()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var province = await api.AuthorityAsync("620000");
        var holder = await api.HolderAsync("en");
        var url = $"/api/holders/{holder.Id}";

        // Before the holder has a right, no officer has a reason to write to it.
        Assert.Null((await Api.ReadAsync(await province.GetAsync(url), HttpStatusCode.OK))["contactEmails"]);

        // A right in Subei county (酒泉市), registered by the province.
        await Api.ReadAsync(await province.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered, county: "620923")), HttpStatusCode.Created);

        var jiuquanInspector = await api.AccountAsync("Inspector", "620900");
        var lanzhouAuthority = await api.AuthorityAsync("620100");
        var lanzhouInspector = await api.AccountAsync("Inspector", "620100");

        AssertContacts(await Api.ReadAsync(await province.GetAsync(url), HttpStatusCode.OK), holder.Email);
        AssertContacts(await Api.ReadAsync(await jiuquanInspector.GetAsync(url), HttpStatusCode.OK), holder.Email);
        AssertContacts(await Api.ReadAsync(await holder.Client.GetAsync(url), HttpStatusCode.OK), holder.Email);
        AssertContacts(await Api.ReadAsync(await (await api.AdminAsync()).GetAsync(url), HttpStatusCode.OK), holder.Email);

        foreach (var outsider in new[] { lanzhouAuthority, lanzhouInspector })
        {
            var response = await outsider.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            var view = await Api.ReadAsync(response, HttpStatusCode.OK);
            Assert.Equal(holder.Id.ToString(), view["id"]!.GetValue<string>());
            Assert.True(view.ContainsKey("contactEmails"), text);
            Assert.Null(view["contactEmails"]);
            Assert.DoesNotContain(holder.Email, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Another_holder_asking_for_a_holder_gets_404_without_its_contacts()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var a = await api.HolderAsync("en");
        var b = await api.HolderAsync("en");

        var response = await b.Client.GetAsync($"/api/holders/{a.Id}");
        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain(a.Email, problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        AssertContacts(await Api.ReadAsync(await b.Client.GetAsync($"/api/holders/{b.Id}"), HttpStatusCode.OK), b.Email);
    }

    private static void AssertContacts(JsonObject holder, string email) =>
        Assert.Equal(email, Assert.Single(Assert.IsType<JsonArray>(holder["contactEmails"]))!.GetValue<string>());
}
