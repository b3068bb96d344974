using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Listing;

/// <summary>
/// A block from the pool to a registered right by public listing (挂牌) through the API, with time moved forward:
/// plan, announcement, transaction, contract, first payment, registration (GS-9a: nothing verified or disclosed again),
/// and what the public, the winner and the authority each see and are told on the way.
/// </summary>
public sealed class PublicTransferTests
{
    [Fact]
    public async Task A_pool_block_becomes_a_registered_right_by_listing_with_every_step_on_time()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var authorityEmail = $"authority-{Guid.NewGuid():N}@officers.test";
        var world = await ListingWorld.StartAsync(factory, "620000", authorityEmail);
        var holder = await world.Api.HolderAsync("zh-CN");
        var anonymous = factory.CreateClient();

        await world.PlanAsync("620923", 2025, 5);
        var corners = ListingWorld.FreshSquare(0.1);
        var block = await world.AddBlockAsync(ListingWorld.Block(corners));
        var blockId = block["id"]!.GetValue<string>();
        Assert.Equal("pool", block["status"]!.GetValue<string>());
        Assert.True(block["priorityMineral"]!.GetValue<bool>());
        Assert.InRange(block["areaKm2"]!.GetValue<decimal>(), 50m, 130m);

        var planned = await Api.ReadAsync(await world.PlanBlockAsync(blockId, 2025), HttpStatusCode.OK);
        Assert.Equal("planned", planned["status"]!.GetValue<string>());
        Assert.Equal("local", planned["quotaSource"]!.GetValue<string>());

        // Announced on 3 March for 20 days (AnnouncementDays): the public sees it, with the polygon, without signing in.
        var announced = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "listing", reservePrice = 1_000_000m, startingPrice = 900_000m }), HttpStatusCode.OK);
        Assert.Equal("announced", announced["state"]!.GetValue<string>());
        var notices = await Api.ReadAsync(await anonymous.GetAsync("/api/public/announcements?kind=listing"), HttpStatusCode.OK);
        var notice = notices["items"]!.AsArray().Single(a => a!["blockCode"]!.GetValue<string>() == block["code"]!.GetValue<string>())!;
        Assert.Equal("Polygon", notice["polygon"]!["type"]!.GetValue<string>());
        // The starting price (起始价) is published; the reserve price (底价) stays confidential.
        Assert.Equal(900_000m, notice["startingPrice"]!.GetValue<decimal>());
        Assert.DoesNotContain("1000000", notice.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("2025-03-23", notice["endsOn"]!.GetValue<string>());
        Assert.Null(notice["transfereeName"]);

        // Nothing can be transacted while the announcement runs.
        var early = await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 1_200_000m });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        // The authority is reminded before the period ends and told when it has.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 0, 1));
        Assert.Equal("awaitingOutcome", await world.StateAsync(blockId));
        var authorityMail = await MailDev.ForAsync(authorityEmail);
        Assert.Contains(authorityMail, m => m.Subject.Contains("出让公告期", StringComparison.Ordinal) || m.Subject.Contains("announcement period", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(authorityMail, m => m.Subject.Contains("Announcement period over", StringComparison.Ordinal));

        // Below the reserve price: refused, nothing written.
        factory.Clock.Set(TestClock.Shanghai(2025, 3, 25, 10));
        var low = await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 999_999.99m }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("reserve", ProblemAssert.Detail(low), StringComparison.Ordinal);
        Assert.Equal("awaitingOutcome", await world.StateAsync(blockId));

        var transacted = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 1_200_000m }), HttpStatusCode.OK);
        Assert.Equal("transacted", transacted["state"]!.GetValue<string>());

        // The winner now sees the block and its contract deadline, and is told at once.
        var seen = await world.GetBlockAsync(blockId, holder.Client);
        Assert.Equal(holder.Id.ToString(), seen["holderId"]!.GetValue<string>());
        var deadlines = await Api.ReadAsync(await holder.Client.GetAsync("/api/deadlines"), HttpStatusCode.OK);
        var contractDue = deadlines["items"]!.AsArray().Single(d => d!["ruleId"]!.GetValue<string>() == "CN-TRANSFER")!;
        Assert.Equal("2025-04-09", contractDue["dueOn"]!.GetValue<string>());
        await factory.DeliverAsync();
        Assert.Contains(await MailDev.ForAsync(holder.Email), m => m.Subject.Contains("【成交】", StringComparison.Ordinal) && m.Subject.Contains("2025-04-09", StringComparison.Ordinal));

        // The result is public and names the winner as a public notice does, and nothing else about it.
        var results = await anonymous.GetStringAsync("/api/public/announcements?kind=result");
        Assert.Contains("测试矿业有限公司", results, StringComparison.Ordinal);
        Assert.DoesNotContain(holder.Email, results, StringComparison.Ordinal);
        Assert.DoesNotContain(holder.Id.ToString(), results, StringComparison.Ordinal);

        // Contract by amount: first installment 10%, due in 30 days; the rest in a year.
        var contract = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract",
            ListingWorld.ContractByAmount(1_200_000m, 120_000m, new DateOnly(2025, 4, 24), new DateOnly(2026, 3, 25))), HttpStatusCode.Created);
        var contractId = contract["id"]!.GetValue<string>();
        Assert.Equal(2, contract["clauses"]!.AsArray().Count);
        Assert.Equal("contracted", await world.StateAsync(blockId));

        // A partial payment keeps the first installment open; the rest completes it.
        var partial = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/contracts/{contractId}/payments",
            new { installment = 1, amount = 100_000m, paidOn = "2025-03-25", reference = "TR-001" }), HttpStatusCode.OK);
        Assert.Equal(20_000m, partial["installments"]![0]!["outstanding"]!.GetValue<decimal>());
        Assert.Equal("contracted", await world.StateAsync(blockId));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/contracts/{contractId}/payments",
            new { installment = 1, amount = 20_000m, paidOn = "2025-03-25", reference = "TR-002" }), HttpStatusCode.OK);
        Assert.Equal("paid", await world.StateAsync(blockId));

        // Registration (GS-9a): the right takes the block's polygon and starts its plan deferral (GS-9d).
        var right = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration",
            new { licenseNumber = Api.NewLicenseNumber("T"), expiresOn = "2028-03-24", deferral = "exploration-plan-deferral" }), HttpStatusCode.Created);
        Assert.Equal("listing", right["transferMode"]!.GetValue<string>());
        Assert.Equal(block["areaKm2"]!.GetValue<decimal>(), right["areaKm2"]!.GetValue<decimal>());
        Assert.Equal(holder.Id.ToString(), right["holderId"]!.GetValue<string>());
        Assert.Contains(right["workflows"]!.AsArray(), w => w!["definitionId"]!.GetValue<string>() == "exploration-plan-deferral");
        Assert.Equal("registered", await world.StateAsync(blockId));
        var registeredBlock = await world.GetBlockAsync(blockId);
        Assert.Equal("registered", registeredBlock["status"]!.GetValue<string>());
        Assert.Equal(right["id"]!.GetValue<string>(), registeredBlock["rightId"]!.GetValue<string>());

        // No verification or disclosure after a public transfer: the block had a listing and a result notice, no disclosure.
        var history = (await Api.ReadAsync(await world.Authority.GetAsync($"/api/workflows/instances/{await world.InstanceAsync(blockId)}"), HttpStatusCode.OK))
            ["journal"]!.AsArray().Select(j => j!["toState"]!.GetValue<string>()).ToList();
        Assert.Equal(["announced", "awaitingOutcome", "transacted", "contracted", "paid", "registered"], history);
        var everything = await anonymous.GetStringAsync("/api/public/announcements?pageSize=200");
        Assert.DoesNotContain("协议出让公示", everything, StringComparison.Ordinal);

        // The second installment is the holder's own deadline now, with its reminders. A Gansu block: the contract's own
        // schedule (CN-CONTRACT), never Zhejiang's ZJ-27b.
        var owed = await Api.ReadAsync(await holder.Client.GetAsync("/api/deadlines"), HttpStatusCode.OK);
        Assert.Contains(owed["items"]!.AsArray(), d => d!["ruleId"]!.GetValue<string>() == "CN-CONTRACT" && d["dueOn"]!.GetValue<string>() == "2026-03-25");
        Assert.DoesNotContain(owed["items"]!.AsArray(), d => d!["ruleId"]!.GetValue<string>().StartsWith("ZJ-", StringComparison.Ordinal));

        // The ground is the right's now: a block over it is refused naming the licence number.
        var over = await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync("/api/blocks", ListingWorld.Block(corners)), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(right["licenseNumber"]!.GetValue<string>(), ProblemAssert.Detail(over), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missed_contract_signing_goes_to_the_authority_which_may_void_the_transfer_and_return_the_block()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var authorityEmail = $"authority-{Guid.NewGuid():N}@officers.test";
        var world = await ListingWorld.StartAsync(factory, "620000", authorityEmail);
        var holder = await world.Api.HolderAsync("en");
        var blockId = await world.PlannedBlockAsync(2025);

        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "auction", reservePrice = 500_000m }), HttpStatusCode.OK);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 9));
        factory.Clock.Set(TestClock.Shanghai(2025, 3, 24, 10));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 600_000m }), HttpStatusCode.OK);

        // 15 days to sign (ContractSigningDays): due 8 April; on the 9th the authority is told.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 4, 8, 23, 59));
        Assert.Equal("transacted", await world.StateAsync(blockId));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 4, 9, 0, 1));
        Assert.Equal("contractOverdue", await world.StateAsync(blockId));
        Assert.Contains(await MailDev.ForAsync(authorityEmail), m => m.Subject.Contains("contract not signed", StringComparison.Ordinal));
        Assert.Contains(await MailDev.ForAsync(holder.Email), m => m.Subject.Contains("contract not signed", StringComparison.Ordinal));

        var voided = await world.SignalAsync(blockId, "void", Formal.With(factory.Clock, new() { ["reason"] = "竞得人未在期限内签订出让合同" }, basis: "CN-TRANSFER").ToDictionary(v => v.Key, v => (object)v.Value));
        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        var block = await world.GetBlockAsync(blockId);
        Assert.Equal("pool", block["status"]!.GetValue<string>());
        Assert.Null(block["holderId"]);
        Assert.Equal("voided", await world.StateAsync(blockId));

        // The former winner no longer sees the block.
        Assert.Equal(HttpStatusCode.NotFound, (await holder.Client.GetAsync($"/api/blocks/{blockId}")).StatusCode);
    }
}
