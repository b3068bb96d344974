using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Listing;

/// <summary>
/// Transfer by agreement (协议出让): unlike a public transfer it is verified (核查) and publicly disclosed (公示) first,
/// objections raised meanwhile are recorded and decided, and only then the contract and registration follow (GS-9a).
/// The disclosure is public; the applicant's contacts are not.
/// </summary>
public sealed class AgreementTransferTests
{
    [Fact]
    public async Task An_agreement_transfer_is_verified_disclosed_and_cleared_of_objections_before_it_is_registered()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var anonymous = factory.CreateClient();
        var blockId = await world.PlannedBlockAsync(2025, kind: "mining", blankArea: false);

        var started = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/agreement",
            new { holderId = holder.Id, price = 800_000m, reason = "已设采矿权深部延伸" }), HttpStatusCode.OK);
        Assert.Equal("agreement-transfer", started["definitionId"]!.GetValue<string>());
        Assert.Equal("verifying", started["state"]!.GetValue<string>());

        // Nothing skips verification and disclosure: approving now is not a step this state takes.
        Assert.Equal(HttpStatusCode.Conflict, (await world.SignalAsync(blockId, "approveTransfer")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await world.SignalAsync(blockId, "verificationPassed", new Dictionary<string, object> { ["findings"] = "范围、权属清楚，无争议" })).StatusCode);
        Assert.Equal("disclosure", await world.StateAsync(blockId));

        // The disclosure is public, names the applicant as a public notice does, and shows nothing of its contacts.
        var disclosures = await anonymous.GetStringAsync("/api/public/announcements?kind=disclosure");
        Assert.Contains("协议出让公示", disclosures, StringComparison.Ordinal);
        Assert.Contains("测试矿业有限公司", disclosures, StringComparison.Ordinal);
        Assert.Contains("\"endsOn\":\"2025-03-13\"", disclosures, StringComparison.Ordinal);
        Assert.DoesNotContain(holder.Email, disclosures, StringComparison.Ordinal);
        Assert.DoesNotContain(holder.Id.ToString(), disclosures, StringComparison.Ordinal);

        // An objection during the disclosure is recorded; approving waits until it is decided.
        factory.Clock.Set(TestClock.Shanghai(2025, 3, 5, 15));
        var objection = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/objections",
            new { objector = "相邻采矿权人", grounds = "范围与本公司采矿权相邻，边界需核实", receivedOn = "2025-03-05" }), HttpStatusCode.Created);
        var tooEarly = await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/objections",
            new { objector = "某公司", grounds = "公示前的异议", receivedOn = "2025-03-02" }), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(tooEarly, "receivedOn");
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 14, 0, 1));
        Assert.Equal("disclosureEnded", await world.StateAsync(blockId));
        var undecided = await ProblemAssert.ReadAsync(await world.SignalAsync(blockId, "approveTransfer"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("GS-9a", undecided["ruleId"]!.GetValue<string>());

        // An objection counts when it was received during the disclosure, even if it is recorded the morning after;
        // one received after the disclosure ended does not.
        var late = await ProblemAssert.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/objections",
            new { objector = "某公司", grounds = "迟到的异议" }), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(late, "receivedOn");
        var lastDay = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/objections",
            new { objector = "邻近村委会", grounds = "公示最后一天寄出的异议", receivedOn = "2025-03-13" }), HttpStatusCode.Created);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/objections/{lastDay["id"]}/decision",
            new { decision = "dismissed", reasons = "与本区块无关" }), HttpStatusCode.OK);

        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/objections/{objection["id"]}/decision",
            new { decision = "dismissed", reasons = "经实地核实，边界无重叠" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await world.SignalAsync(blockId, "approveTransfer")).StatusCode);
        Assert.Equal("transacted", await world.StateAsync(blockId));

        // Income by rate (ZJ-27a): there is no first installment to wait for.
        var contract = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract", new
        {
            number = "XY-" + Guid.NewGuid().ToString("N")[..8],
            collection = "rate",
            ratePercent = 2.5m,
            clauses = new object[] { new { number = "第十条", kind = "construction", textZh = "两年内建成投产", textEn = "Complete construction within two years", dueOn = "2027-03-14" } },
        }), HttpStatusCode.Created);
        Assert.Equal("paid", await world.StateAsync(blockId));

        var right = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration",
            new { licenseNumber = Api.NewLicenseNumber("C"), expiresOn = "2035-03-13" }), HttpStatusCode.Created);
        Assert.Equal("agreement", right["transferMode"]!.GetValue<string>());

        // Verification and disclosure are in the transfer's journal, in order.
        var entries = (await Api.ReadAsync(await world.Authority.GetAsync($"/api/workflows/instances/{await world.InstanceAsync(blockId)}"), HttpStatusCode.OK))
            ["journal"]!.AsArray().Select(j => (Trigger: j!["trigger"]!.GetValue<string>(), To: j["toState"]!.GetValue<string>())).ToList();
        Assert.Equal(["verifying", "disclosure", "disclosureEnded", "transacted", "paid", "registered"],
            entries.Where(e => !e.Trigger.StartsWith("objection:", StringComparison.Ordinal)).Select(e => e.To));

        // The objection and its decision are in the same journal, where they were received and decided.
        Assert.Contains(("objection:received", "disclosure"), entries);
        Assert.Contains(("objection:dismissed", "disclosureEnded"), entries);

        // The 2025 revenue is declared by the holder; the amount due is revenue x rate, due by 31 May 2026 (a parameter).
        var declared = await Api.ReadAsync(await holder.Client.PostAsJsonAsync($"/api/contracts/{contract["id"]}/declarations", new { year = 2025, revenue = 12_345_678.90m }), HttpStatusCode.OK);
        var first = declared["installments"]![0]!;
        Assert.Equal(2025, first["revenueYear"]!.GetValue<int>());
        Assert.Equal("2026-05-31", first["dueOn"]!.GetValue<string>());
        Assert.Equal(308_641.97m, first["amount"]!.GetValue<decimal>());

        // Another holder sees neither the contract nor the block.
        var other = await world.Api.HolderAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/contracts/{contract["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/blocks/{blockId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"/api/contracts/{contract["id"]}/declarations", new { year = 2026, revenue = 1m })).StatusCode);
    }

    [Fact]
    public async Task An_upheld_objection_stops_the_approval_and_a_refusal_returns_the_block_to_the_pool()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var holder = await world.Api.HolderAsync();
        var blockId = await world.PlannedBlockAsync(2025, kind: "mining", blankArea: false);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/agreement", new { holderId = holder.Id, price = 300_000m, reason = "整合" }), HttpStatusCode.OK);
        await world.SignalAsync(blockId, "verificationPassed", new Dictionary<string, object> { ["findings"] = "核查通过" });
        var objection = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/objections",
            new { objector = "村民委员会", grounds = "区块压覆基本农田" }), HttpStatusCode.Created);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/objections/{objection["id"]}/decision",
            new { decision = "upheld", reasons = "经核实压覆基本农田" }), HttpStatusCode.OK);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 14, 0, 1));

        var refused = await ProblemAssert.ReadAsync(await world.SignalAsync(blockId, "approveTransfer"), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("upheld", ProblemAssert.Detail(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await world.SignalAsync(blockId, "rejectTransfer", Formal.With(factory.Clock, new() { ["reason"] = "异议成立" }, basis: "CN-TRANSFER").ToDictionary(v => v.Key, v => (object)v.Value))).StatusCode);

        var block = await world.GetBlockAsync(blockId);
        Assert.Equal("pool", block["status"]!.GetValue<string>());
        Assert.Equal("refused", await world.StateAsync(blockId));
    }
}
