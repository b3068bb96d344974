using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>A holder never sees another holder's data, and cannot even learn that it exists: 404, not 403.</summary>
public sealed class HolderIsolationTests
{
    private static readonly DateOnly Registered = new(2025, 3, 1);

    [Fact]
    public async Task Another_holder_gets_404_on_every_item_of_a_holder_and_sees_none_of_them_in_its_lists()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var a = await api.HolderAsync("en");
        var b = await api.HolderAsync("en");

        var submitted = await RegisterAsync(authority, a.Id);
        var waiting = await RegisterAsync(authority, a.Id);
        var own = await RegisterAsync(authority, b.Id);
        var submittedId = Guid.Parse(submitted["id"]!.GetValue<string>());
        var waitingId = Guid.Parse(waiting["id"]!.GetValue<string>());
        var deadlineId = Api.LifecycleDeadlines(submitted)[0]["id"]!.GetValue<string>();
        var instanceId = Api.Lifecycle(submitted)["instanceId"]!.GetValue<string>();

        var content = System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4 plan of holder A {Guid.NewGuid()}");
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(a.Client, submittedId, content), HttpStatusCode.Created);
        var planId = plan["id"]!.GetValue<string>();

        string[] urls =
        [
            $"/api/rights/{submittedId}",
            $"/api/rights/{submittedId}/history",
            $"/api/deadlines/{deadlineId}",
            $"/api/rights/{submittedId}/plans",
            $"/api/rights/{submittedId}/plans/{planId}/document",
            $"/api/workflows/instances/{instanceId}",
            $"/api/holders/{a.Id}",
        ];
        foreach (var url in urls)
        {
            // The owner reaches each item, so B's 404 is the isolation and not a wrong address.
            var mine = await a.Client.GetAsync(url);
            Assert.True(mine.StatusCode == HttpStatusCode.OK, $"Holder A: GET {url} → {(int)mine.StatusCode}");

            var problem = await ProblemAssert.ReadAsync(await b.Client.GetAsync(url), HttpStatusCode.NotFound);
            Assert.DoesNotContain(a.Email, problem.ToJsonString(), StringComparison.Ordinal);
        }

        // B cannot put a plan on A's right, and nothing of the attempt is kept.
        await ProblemAssert.ReadAsync(await Api.SubmitPlanAsync(b.Client, waitingId), HttpStatusCode.NotFound);
        Assert.Empty((await a.Client.GetFromJsonAsync<JsonArray>($"/api/rights/{waitingId}/plans"))!);
        var waitingNow = await Api.ReadAsync(await a.Client.GetAsync($"/api/rights/{waitingId}"), HttpStatusCode.OK);
        Assert.Equal("awaitingPlan", Api.Lifecycle(waitingNow)["state"]!.GetValue<string>());

        var rights = await Api.ReadAsync(await b.Client.GetAsync("/api/rights"), HttpStatusCode.OK);
        Assert.Equal(1, rights.ItemCount());
        Assert.Equal(own["id"]!.GetValue<string>(), Assert.Single(rights["items"]!.AsArray())!["id"]!.GetValue<string>());

        var deadlines = await Api.ReadAsync(await b.Client.GetAsync("/api/deadlines"), HttpStatusCode.OK);
        Assert.Equal(2, deadlines.ItemCount()); // its own plan's and its renewal's
        Assert.All(deadlines["items"]!.AsArray(), d => Assert.Equal(own["id"]!.GetValue<string>(), d!["rightId"]!.GetValue<string>()));

        // A's own lists hold its two rights, the deadline of the right still waiting for its plan and both renewals.
        Assert.Equal(2, (await Api.ReadAsync(await a.Client.GetAsync("/api/rights"), HttpStatusCode.OK)).ItemCount());
        var aDeadlines = await Api.ReadAsync(await a.Client.GetAsync("/api/deadlines"), HttpStatusCode.OK);
        Assert.Equal(waitingId.ToString(), Assert.Single(aDeadlines["items"]!.AsArray(), d => d!["ruleId"]!.GetValue<string>() != "CN-RENEW")!["rightId"]!.GetValue<string>());
        Assert.Equal(2, aDeadlines["items"]!.AsArray().Count(d => d!["ruleId"]!.GetValue<string>() == "CN-RENEW"));

        // Filtering by A's holder id does not open a way round the scope either.
        var filtered = await Api.ReadAsync(await b.Client.GetAsync($"/api/rights?holderId={a.Id}"), HttpStatusCode.OK);
        Assert.Equal(0, filtered.ItemCount());
    }

    [Fact]
    public async Task The_holder_gets_back_the_plan_document_byte_for_byte()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await RegisterAsync(authority, holder.Id);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());

        // Binary content, including bytes that are not valid UTF-8, must survive the round trip.
        var content = new byte[3000];
        new Random(20250301).NextBytes(content);
        "%PDF-1.4"u8.CopyTo(content);
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, content, "勘查实施方案.pdf"), HttpStatusCode.Created);
        Assert.Equal(content.Length, plan["sizeBytes"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), plan["sha256"]!.GetValue<string>());

        var download = await holder.Client.GetAsync($"/api/rights/{rightId}/plans/{plan["id"]}/document");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
    }

    private static async Task<JsonObject> RegisterAsync(HttpClient authority, Guid holderId) =>
        await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holderId, Registered)), HttpStatusCode.Created);
}
