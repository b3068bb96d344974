using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.Decisions;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Listing;

/// <summary>
/// A transfer that does not go through after its contract was signed (the first payment never came): the contract is
/// kept as void with what was paid on it, and the block can be transferred again under a new contract whose notices are
/// its own. And income by rate on a year without sales: nothing is owed and the duty closes.
/// </summary>
public sealed class VoidedTransferTests
{
    [Fact]
    public async Task A_transfer_voided_after_its_contract_leaves_the_contract_void_and_the_block_transferable_again()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var first = await world.Api.HolderAsync("en");
        var second = await world.Api.HolderAsync("en");
        var blockId = await world.PlannedBlockAsync(2025);

        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "auction", reservePrice = 200_000m }), HttpStatusCode.OK);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 9));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = first.Id, price = 200_000m }), HttpStatusCode.OK);
        var oldContract = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract",
            ListingWorld.ContractByAmount(200_000m, 20_000m, new DateOnly(2025, 4, 10), new DateOnly(2026, 3, 24))), HttpStatusCode.Created);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/contracts/{oldContract["id"]}/payments",
            new { installment = 1, amount = 5_000m, paidOn = "2025-03-24", reference = "PART-1" }), HttpStatusCode.OK);

        // The first payment is not completed by 10 April: the authority voids the transfer.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 4, 11, 9));
        Assert.Equal("firstPaymentOverdue", await world.StateAsync(blockId));
        Assert.Equal(HttpStatusCode.OK, (await world.SignalAsync(blockId, "void", Formal.With(factory.Clock, new() { ["reason"] = "首期出让收益逾期未缴清" }, basis: "CN-TRANSFER").ToDictionary(v => v.Key, v => (object)v.Value))).StatusCode);

        // The voiding is a decision addressed to the winning bidder, who became known only at the transaction (CN-TRANSFER).
        using (var scope = factory.Services.CreateScope())
        {
            var voided = await scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>().Decisions.SingleAsync();
            Assert.Equal(("void", "CN-TRANSFER", (Guid?)first.Id), (voided.Signal, voided.RuleId, voided.HolderId));
        }

        // The old contract is kept, void, with what was paid; no further payment is taken on it.
        var kept = await Api.ReadAsync(await world.Authority.GetAsync($"/api/contracts/{oldContract["id"]}"), HttpStatusCode.OK);
        Assert.Equal(5_000m, kept["installments"]![0]!["paidAmount"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.Conflict, (await world.Authority.PostAsJsonAsync($"/api/contracts/{oldContract["id"]}/payments",
            new { installment = 1, amount = 1_000m, paidOn = "2025-04-11", reference = "LATE" })).StatusCode);

        // The block goes round again to another winner, who signs a contract of its own.
        Assert.Equal("pool", (await world.GetBlockAsync(blockId))["status"]!.GetValue<string>());
        await Api.ReadAsync(await world.PlanBlockAsync(blockId, 2025), HttpStatusCode.OK);
        factory.Clock.Set(TestClock.Shanghai(2025, 4, 12, 10));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "auction", reservePrice = 200_000m }), HttpStatusCode.OK);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 5, 3, 9));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = second.Id, price = 260_000m }), HttpStatusCode.OK);
        var newContract = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract",
            ListingWorld.ContractByAmount(260_000m, 26_000m, new DateOnly(2025, 5, 20), new DateOnly(2026, 5, 3))), HttpStatusCode.Created);
        Assert.NotEqual(oldContract["id"]!.GetValue<string>(), newContract["id"]!.GetValue<string>());
        Assert.Equal(newContract["id"]!.GetValue<string>(), (await world.GetBlockAsync(blockId))["contractId"]!.GetValue<string>());

        // The new winner's notices name its own contract and amounts, never the old one's.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 5, 19, 9, 30));
        var mails = await MailDev.ForAsync(second.Email);
        Assert.Contains(mails, m => m.Text!.Contains(newContract["number"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Text!.Contains(oldContract["number"]!.GetValue<string>(), StringComparison.Ordinal));

        // And the first winner no longer sees the block or its new contract.
        Assert.Equal(HttpStatusCode.NotFound, (await first.Client.GetAsync($"/api/contracts/{newContract["id"]}")).StatusCode);
    }

    [Fact]
    public async Task A_year_without_sales_declared_by_the_holder_closes_its_income_duty_with_nothing_owed()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory);
        var holder = await world.Api.HolderAsync();
        var blockId = await world.PlannedBlockAsync(2025, kind: "mining", blankArea: false);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "listing", reservePrice = 100_000m }), HttpStatusCode.OK);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 9));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 100_000m }), HttpStatusCode.OK);
        var contract = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract",
            new { number = "RT-" + Guid.NewGuid().ToString("N")[..8], collection = "rate", ratePercent = 3m }), HttpStatusCode.Created);
        var right = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration",
            new { licenseNumber = Api.NewLicenseNumber("C"), expiresOn = "2035-03-23" }), HttpStatusCode.Created);

        // Declared on the right's page, whose Declare form a by-rate contract shows (the form the API's declaration is offered on).
        var browser = Sessions.Browser(factory, "10.31.0.1");
        Assert.Equal(HttpStatusCode.Redirect, (await Sessions.PageSignInAsync(browser, (await world.Api.CreateAccountAsync("Holder", holderId: holder.Id)).UserName)).StatusCode);
        var page = $"/rights/{right["id"]}";
        Assert.Contains("?handler=Declare", await browser.GetStringAsync(page), StringComparison.Ordinal);
        var posted = await browser.PostAsync($"{page}?handler=Declare", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Sessions.AntiforgeryTokenAsync(browser, page), ["year"] = "2025", ["revenue"] = "0",
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("done=declared", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        var declared = await Api.ReadAsync(await holder.Client.GetAsync($"/api/contracts/{contract["id"]}"), HttpStatusCode.OK);
        var year = declared["installments"]!.AsArray().Single(i => i!["revenueYear"]!.GetValue<int>() == 2025)!;
        Assert.Equal(0m, year["amount"]!.GetValue<decimal>());
        Assert.NotNull(year["paidOn"]);

        // Its deadline is closed: the holder's list has the 2026 declaration next, not 2025's.
        var deadlines = await Api.ReadAsync(await holder.Client.GetAsync("/api/deadlines"), HttpStatusCode.OK);
        Assert.DoesNotContain(deadlines["items"]!.AsArray(), d => d!["dueOn"]!.GetValue<string>() == "2026-05-31");
        Assert.Contains(deadlines["items"]!.AsArray(), d => d!["dueOn"]!.GetValue<string>() == "2027-05-31");
    }
}
