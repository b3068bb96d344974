using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Listing;

/// <summary>
/// Transfer income by amount in Zhejiang (长兴县): the ZJ-27b schedule checks at signing, payments (partial, in full,
/// too much), an unpaid later installment through its overdue notice to a case, and the CN-LATEFEE daily charge where
/// the province sets a rate. Every block is auctioned on 3 March 2025 and transacted on 24 March.
/// </summary>
public sealed class InstallmentTests
{
    private const string County = "330522";
    private const string LateFeeSetting = "Parameters:Provinces:330000:LateFeeDailyRate";
    private static readonly DateOnly FirstDue = new(2025, 4, 10);
    private static readonly DateOnly SecondDue = new(2025, 6, 30);

    [Fact]
    public async Task A_first_installment_under_ten_percent_is_refused_under_ZJ_27b_and_exactly_ten_percent_is_accepted()
    {
        using var factory = Factory();
        var world = await ListingWorld.StartAsync(factory, "330000");
        var holder = await world.Api.HolderAsync("en");
        var blockId = await TransactedAsync(world, holder, 1_000_000m);

        var problem = await ProblemAssert.ReadAsync(await SignAsync(world, blockId, ListingWorld.ContractByAmount(1_000_000m, 99_900m, FirstDue, SecondDue)), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("ZJ-27b", problem["ruleId"]!.GetValue<string>());
        ProblemAssert.Errors(problem, "installments[0].amount");
        Assert.Contains("9.99%", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        await AssertNoContractAsync(world, blockId);

        var signed = await Api.ReadAsync(await SignAsync(world, blockId, ListingWorld.ContractByAmount(1_000_000m, 100_000m, FirstDue, SecondDue)), HttpStatusCode.Created);
        var installments = signed["installments"]!.AsArray();
        Assert.Equal(100_000m, installments[0]!["amount"]!.GetValue<decimal>());
        Assert.Equal(900_000m, installments[1]!["amount"]!.GetValue<decimal>());
        Assert.Equal("contracted", await world.StateAsync(blockId));
    }

    [Fact]
    public async Task Installments_that_do_not_add_up_to_the_total_are_refused_under_ZJ_27b()
    {
        using var factory = Factory();
        var world = await ListingWorld.StartAsync(factory, "330000");
        var holder = await world.Api.HolderAsync("en");
        var blockId = await TransactedAsync(world, holder, 1_000_000m);
        var shortBody = RequestBody.Edit(ListingWorld.ContractByAmount(1_000_000m, 200_000m, FirstDue, SecondDue), c => c["installments"]![1]!["amount"] = 700_000m);
        var overBody = RequestBody.Edit(ListingWorld.ContractByAmount(1_000_000m, 200_000m, FirstDue, SecondDue), c => c["installments"]![1]!["amount"] = 800_000.01m);

        var tooLittle = await ProblemAssert.ReadAsync(await SignAsync(world, blockId, shortBody), HttpStatusCode.UnprocessableEntity);
        var tooMuch = await ProblemAssert.ReadAsync(await SignAsync(world, blockId, overBody), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("ZJ-27b", tooLittle["ruleId"]!.GetValue<string>());
        ProblemAssert.Errors(tooLittle, "installments");
        Assert.Contains("100,000.00 yuan short", ProblemAssert.Detail(tooLittle), StringComparison.Ordinal);
        Assert.Equal("ZJ-27b", tooMuch["ruleId"]!.GetValue<string>());
        Assert.Contains("0.01 yuan over", ProblemAssert.Detail(tooMuch), StringComparison.Ordinal);
        await AssertNoContractAsync(world, blockId);
    }

    [Fact]
    public async Task Installment_due_dates_that_do_not_ascend_are_refused_under_ZJ_27b()
    {
        using var factory = Factory();
        var world = await ListingWorld.StartAsync(factory, "330000");
        var holder = await world.Api.HolderAsync("en");
        var blockId = await TransactedAsync(world, holder, 1_000_000m);

        var backwards = await ProblemAssert.ReadAsync(await SignAsync(world, blockId, ListingWorld.ContractByAmount(1_000_000m, 200_000m, SecondDue, FirstDue)), HttpStatusCode.UnprocessableEntity);
        var sameDay = await ProblemAssert.ReadAsync(await SignAsync(world, blockId, ListingWorld.ContractByAmount(1_000_000m, 200_000m, FirstDue, FirstDue)), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("ZJ-27b", backwards["ruleId"]!.GetValue<string>());
        ProblemAssert.Errors(backwards, "installments[1].dueOn");
        Assert.Equal("ZJ-27b", sameDay["ruleId"]!.GetValue<string>());
        ProblemAssert.Errors(sameDay, "installments[1].dueOn");
        await AssertNoContractAsync(world, blockId);
    }

    [Fact]
    public async Task A_total_income_other_than_the_transaction_price_is_refused()
    {
        using var factory = Factory();
        var world = await ListingWorld.StartAsync(factory, "330000");
        var holder = await world.Api.HolderAsync("en");
        var blockId = await TransactedAsync(world, holder, 1_000_000m);

        var problem = await ProblemAssert.ReadAsync(await SignAsync(world, blockId, ListingWorld.ContractByAmount(1_100_000m, 110_000m, FirstDue, SecondDue)), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("ZJ-27b", problem["ruleId"]!.GetValue<string>());
        ProblemAssert.Errors(problem, "totalIncome");
        Assert.Contains("1,000,000.00", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        await AssertNoContractAsync(world, blockId);
    }

    [Fact]
    public async Task A_partial_payment_keeps_the_first_installment_open_and_paying_the_rest_moves_the_transfer_to_paid()
    {
        using var factory = Factory();
        var world = await ListingWorld.StartAsync(factory, "330000");
        var holder = await world.Api.HolderAsync("en");
        var blockId = await TransactedAsync(world, holder, 1_000_000m);
        var contractId = await SignedAsync(world, blockId, 1_000_000m, 100_000m);

        var partly = await Api.ReadAsync(await PayAsync(world, contractId, 1, 40_000m, "2025-03-24"), HttpStatusCode.OK);

        var first = partly["installments"]![0]!;
        Assert.Equal(40_000m, first["paidAmount"]!.GetValue<decimal>());
        Assert.Equal(60_000m, first["outstanding"]!.GetValue<decimal>());
        Assert.Null(first["paidOn"]);
        Assert.Equal("contracted", await world.StateAsync(blockId));

        var settled = await Api.ReadAsync(await PayAsync(world, contractId, 1, 60_000m, "2025-03-24"), HttpStatusCode.OK);

        first = settled["installments"]![0]!;
        Assert.Equal(100_000m, first["paidAmount"]!.GetValue<decimal>());
        Assert.Equal(0m, first["outstanding"]!.GetValue<decimal>());
        Assert.Equal("2025-03-24", first["paidOn"]!.GetValue<string>());
        Assert.Equal(2, settled["payments"]!.AsArray().Count);
        Assert.Equal("paid", await world.StateAsync(blockId));
    }

    [Fact]
    public async Task Paying_more_than_is_owed_is_refused_and_writes_nothing()
    {
        using var factory = Factory();
        var world = await ListingWorld.StartAsync(factory, "330000");
        var holder = await world.Api.HolderAsync("en");
        var blockId = await TransactedAsync(world, holder, 1_000_000m);
        var contractId = await SignedAsync(world, blockId, 1_000_000m, 100_000m);
        await Api.ReadAsync(await PayAsync(world, contractId, 1, 40_000m, "2025-03-24"), HttpStatusCode.OK);

        var over = await ProblemAssert.ReadAsync(await PayAsync(world, contractId, 1, 60_000.01m, "2025-03-24"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("ZJ-27b", over["ruleId"]!.GetValue<string>());
        ProblemAssert.Errors(over, "amount");
        var contract = await ContractAsync(world.Authority, contractId);
        Assert.Equal(40_000m, contract["installments"]![0]!["paidAmount"]!.GetValue<decimal>());
        Assert.Single(contract["payments"]!.AsArray());
        Assert.Equal("contracted", await world.StateAsync(blockId));

        // Paid in full, even one fen more is refused.
        await Api.ReadAsync(await PayAsync(world, contractId, 1, 60_000m, "2025-03-24"), HttpStatusCode.OK);
        var afterFull = await ProblemAssert.ReadAsync(await PayAsync(world, contractId, 1, 0.01m, "2025-03-24"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ZJ-27b", afterFull["ruleId"]!.GetValue<string>());
        contract = await ContractAsync(world.Authority, contractId);
        Assert.Equal(100_000m, contract["installments"]![0]!["paidAmount"]!.GetValue<decimal>());
        Assert.Equal(2, contract["payments"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_unpaid_second_installment_gets_an_overdue_notice_with_the_amounts_then_a_ZJ_27b_case_after_the_grace()
    {
        using var factory = Factory();
        var world = await ListingWorld.StartAsync(factory, "330000");
        var holder = await world.Api.HolderAsync("en");
        var inspector = await world.Api.AccountAsync("Inspector", "330000");
        var (_, _, licenseNumber, rightId) = await RegisteredAsync(world, holder, 1_000_000m, 100_000m);

        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 6, 30, 23, 59));
        Assert.DoesNotContain(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith("Overdue", StringComparison.Ordinal));

        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 1, 0, 0));
        var overdue = Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith("Overdue", StringComparison.Ordinal));
        Assert.Contains(licenseNumber, overdue.Subject, StringComparison.Ordinal);
        Assert.Contains("2025-06-30", overdue.Text, StringComparison.Ordinal);
        Assert.Contains("Amount due: CNY 900,000.00", overdue.Text, StringComparison.Ordinal);
        Assert.Contains("Paid so far: CNY 0.00", overdue.Text, StringComparison.Ordinal);
        Assert.Contains("Still owed: CNY 900,000.00", overdue.Text, StringComparison.Ordinal);

        // Grace of 15 days (CaseGraceDays) after the due date.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 15, 23, 59));
        Assert.Equal(0, (await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK)).ItemCount());

        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 16, 0, 0));
        var cases = await Api.ReadAsync(await inspector.GetAsync("/api/cases"), HttpStatusCode.OK);
        var opened = Assert.Single(cases["items"]!.AsArray())!;
        Assert.Equal("ZJ-27b", opened["ruleId"]!.GetValue<string>());
        Assert.Equal(rightId, opened["rightId"]!.GetValue<string>());
        Assert.Equal("2025-06-30", opened["dueOn"]!.GetValue<string>());
        Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith("Case opened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_province_late_charge_accrues_daily_counts_the_payment_day_and_shows_in_the_overdue_notice_and_the_contract()
    {
        using var factory = Factory(new Dictionary<string, string?> { [LateFeeSetting] = "0.0005" });
        var world = await ListingWorld.StartAsync(factory, "330000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var (_, contractId, _, _) = await RegisteredAsync(world, holder, 2_500_000m, 500_000m);

        // One day late on 2,000,000: 2,000,000 × 0.05% = 1,000.00.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 1, 0, 0));
        var overdue = Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith("【逾期】", StringComparison.Ordinal));
        Assert.Contains("滞纳金（CN-LATEFEE）：1,000.00 元", overdue.Text, StringComparison.Ordinal);
        Assert.Contains("逾期 1 天", overdue.Text, StringComparison.Ordinal);
        Assert.Contains("应缴金额：2,000,000.00 元", overdue.Text, StringComparison.Ordinal);

        factory.Clock.Set(TestClock.Shanghai(2025, 7, 10, 10));
        var tenDays = (await ContractAsync(world.Authority, contractId))["installments"]!.AsArray();
        Assert.Equal(0m, tenDays[0]!["lateCharge"]!.GetValue<decimal>());
        Assert.Equal(10, tenDays[1]!["daysLate"]!.GetValue<int>());
        Assert.Equal(10_000m, tenDays[1]!["lateCharge"]!.GetValue<decimal>());

        // Half paid on the tenth day: that day still counts on the whole balance, the next ones on half.
        var paid = await Api.ReadAsync(await PayAsync(world, contractId, 2, 1_000_000m, "2025-07-10"), HttpStatusCode.OK);
        Assert.Equal(10_000m, paid["installments"]![1]!["lateCharge"]!.GetValue<decimal>());
        factory.Clock.Set(TestClock.Shanghai(2025, 7, 12, 10));
        var twelveDays = (await ContractAsync(world.Authority, contractId))["installments"]![1]!;
        Assert.Equal(11_000m, twelveDays["lateCharge"]!.GetValue<decimal>());
        Assert.Equal(1_000_000m, twelveDays["outstanding"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Without_a_province_late_fee_rate_there_is_no_late_charge()
    {
        using var factory = Factory();
        var world = await ListingWorld.StartAsync(factory, "330000");
        var holder = await world.Api.HolderAsync("en");
        var (_, contractId, _, _) = await RegisteredAsync(world, holder, 2_500_000m, 500_000m);

        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 7, 1, 0, 0));
        var overdue = Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith("Overdue", StringComparison.Ordinal));
        Assert.Contains("Still owed: CNY 2,000,000.00", overdue.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Late charge", overdue.Text, StringComparison.Ordinal);

        factory.Clock.Set(TestClock.Shanghai(2025, 7, 10, 10));
        var second = (await ContractAsync(world.Authority, contractId))["installments"]![1]!;
        Assert.Equal(10, second["daysLate"]!.GetValue<int>());
        Assert.Equal(0m, second["lateCharge"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_overdue_notice_of_an_unpaid_first_installment_shows_the_province_late_charge()
    {
        using var factory = Factory(new Dictionary<string, string?> { [LateFeeSetting] = "0.0005" });
        var world = await ListingWorld.StartAsync(factory, "330000");
        var holder = await world.Api.HolderAsync("en");
        var blockId = await TransactedAsync(world, holder, 10_000_000m);
        var contractId = await SignedAsync(world, blockId, 10_000_000m, 2_000_000m);

        // Due 10 April, nothing paid: on 11 April one day late on 2,000,000 at 0.05% a day is 1,000.00.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 4, 11, 0, 0));
        Assert.Equal("firstPaymentOverdue", await world.StateAsync(blockId));
        var first = (await ContractAsync(world.Authority, contractId))["installments"]![0]!;
        Assert.Equal(1_000m, first["lateCharge"]!.GetValue<decimal>());

        // CN-LATEFEE: where a rate is set, every notice about the late income shows the charge.
        var overdue = Assert.Single(await MailDev.ForAsync(holder.Email), m => m.Subject.StartsWith("Overdue", StringComparison.Ordinal));
        Assert.Contains("Late charge", overdue.Text, StringComparison.Ordinal);
        Assert.Contains("CNY 1,000.00", overdue.Text, StringComparison.Ordinal);
    }

    private static ServiceFactory Factory(IDictionary<string, string?>? settings = null) =>
        new(TestClock.Shanghai(2025, 3, 3, 10), settings: settings);

    /// <summary>
    /// A mining block of 长兴县 planned, auctioned on 3 March and transacted on 24 March to <paramref name="holder"/> at
    /// <paramref name="price"/>: ZJ-27 governs the transfer income of mining rights in Zhejiang.
    /// </summary>
    private static async Task<string> TransactedAsync(ListingWorld world, TestHolder holder, decimal price)
    {
        await world.PlanAsync(County, 2025, 10);
        var block = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(119.6, 30.9), county: County, kind: "mining", minerals: ["石灰岩"], blankArea: false, mineScale: "small"));
        var blockId = block["id"]!.GetValue<string>();
        await Api.ReadAsync(await world.PlanBlockAsync(blockId, 2025), HttpStatusCode.OK);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "auction", reservePrice = price }), HttpStatusCode.OK);

        // The 20 days of the announcement (AnnouncementDays) end with 23 March.
        await world.Factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 10));
        Assert.Equal("awaitingOutcome", await world.StateAsync(blockId));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price }), HttpStatusCode.OK);
        Assert.Equal("transacted", await world.StateAsync(blockId));
        return blockId;
    }

    /// <summary>The contract signed with the first installment due 10 April and the rest on 30 June; its id.</summary>
    private static async Task<string> SignedAsync(ListingWorld world, string blockId, decimal total, decimal first)
    {
        var contract = await Api.ReadAsync(await SignAsync(world, blockId, ListingWorld.ContractByAmount(total, first, FirstDue, SecondDue)), HttpStatusCode.Created);
        return contract["id"]!.GetValue<string>();
    }

    /// <summary>Transacted, signed, first installment paid on 24 March and the right registered that day: the second installment is a duty of its own.</summary>
    private static async Task<(string BlockId, string ContractId, string LicenseNumber, string RightId)> RegisteredAsync(ListingWorld world, TestHolder holder, decimal total, decimal first)
    {
        var blockId = await TransactedAsync(world, holder, total);
        var contractId = await SignedAsync(world, blockId, total, first);
        await Api.ReadAsync(await PayAsync(world, contractId, 1, first, "2025-03-24"), HttpStatusCode.OK);
        var licenseNumber = Api.NewLicenseNumber("T");
        var right = await Api.ReadAsync(
            await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration", new { licenseNumber, expiresOn = "2028-03-23" }), HttpStatusCode.Created);
        Assert.Equal("registered", await world.StateAsync(blockId));
        return (blockId, contractId, licenseNumber, right["id"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> SignAsync(ListingWorld world, string blockId, object contract) =>
        world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract", contract);

    private static Task<HttpResponseMessage> PayAsync(ListingWorld world, string contractId, int installment, decimal amount, string paidOn) =>
        world.Authority.PostAsJsonAsync($"/api/contracts/{contractId}/payments", new { installment, amount, paidOn, reference = $"ZJ-TREASURY-{Guid.NewGuid():N}"[..24] });

    private static async Task<JsonObject> ContractAsync(HttpClient client, string contractId) =>
        await Api.ReadAsync(await client.GetAsync($"/api/contracts/{contractId}"), HttpStatusCode.OK);

    /// <summary>A refused signing leaves the block without a contract, still waiting in "transacted".</summary>
    private static async Task AssertNoContractAsync(ListingWorld world, string blockId)
    {
        var block = await world.GetBlockAsync(blockId);
        Assert.Null(block["contractId"]);
        Assert.Equal("transacted", block["workflows"]!.AsArray().Last()!["state"]!.GetValue<string>());
    }
}
