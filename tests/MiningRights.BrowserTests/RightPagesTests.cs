using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.BrowserTests;

/// <summary>
/// A right transferred by listing, through its page: its ground drawn on the province's outline, its obligations, its
/// contract with the installments; the authority records a payment there, the holder claims force majeure with a
/// certificate there, and the claim reaches the authority's work queue; the timeline shows each step.
/// </summary>
public sealed class RightPagesTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task The_right_s_page_shows_its_map_obligations_and_contract_takes_a_payment_and_a_relief_claim_with_its_file()
    {
        var world = await ListingWorld.StartAsync(Service.Factory);
        var holder = await Service.Api.HolderAsync("zh-CN");
        await world.PlanAsync("620923", 2025, 1000);
        var block = await world.AddBlockAsync(ListingWorld.Block(ListingWorld.Square(97.0, 41.5)));
        var blockId = block["id"]!.GetValue<string>();
        await Api.ReadAsync(await world.PlanBlockAsync(blockId, 2025), HttpStatusCode.OK);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "listing", reservePrice = 200_000m }), HttpStatusCode.OK);
        await Service.Factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 9));
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 200_000m }), HttpStatusCode.OK);
        var contract = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract",
            ListingWorld.ContractByAmount(200_000m, 100_000m, new DateOnly(2025, 4, 10), new DateOnly(2026, 4, 10))), HttpStatusCode.Created);
        await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/contracts/{contract["id"]}/payments",
            new { installment = 1, amount = 100_000m, paidOn = "2025-03-24", reference = "P-1" }), HttpStatusCode.OK);
        var right = await Api.ReadAsync(await world.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration",
            new { licenseNumber = Api.NewLicenseNumber("T"), expiresOn = "2028-03-23" }), HttpStatusCode.Created);
        var rightId = right["id"]!.GetValue<string>();
        var officerUser = await Service.AccountAsync("Authority", "620000");
        var holderUser = await Service.AccountAsync("Holder", holderId: holder.Id);

        // The authority: the map on Gansu's outline, the contract's second installment owed; a payment recorded on the page.
        var officer = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(officer, officerUser);
        await officer.WaitForURLAsync(new Regex("/officer/queue$"));
        await officer.GotoAsync($"/rights/{rightId}");
        await officer.Locator("#right-map[data-drawn=true][data-outline='620000']").WaitForAsync();
        Assert.True(await officer.Locator("#right-map path.leaflet-interactive").CountAsync() >= 1);
        Assert.Equal(2, await officer.Locator("#installments tbody tr").CountAsync());
        Assert.True(await officer.Locator("#obligations tbody tr").CountAsync() >= 2, await officer.Locator("#obligations").InnerTextAsync());
        await officer.Locator("#record-payment summary").ClickAsync();
        await officer.Locator("#pay-amount").FillAsync("100000");
        await officer.Locator("#pay-on").FillAsync("2025-03-24");
        await officer.Locator("#pay-reference").FillAsync("P-2");
        await officer.Locator("#record-payment button[type=submit]").ClickAsync();
        await officer.Locator("#message").WaitForAsync();
        Assert.True(officer.Url.Contains("done=paid", StringComparison.Ordinal), await officer.Locator("main").InnerTextAsync());
        Assert.Contains("100,000.00", await officer.Locator("#installments tr[data-installment='2'] .paid").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await officer.Locator("#record-payment").CountAsync());

        // The holder claims force majeure for its investment duty, with a certificate; a file that is not what it says is refused first.
        var certificate = Path.Combine(Path.GetTempPath(), $"不可抗力证明-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(certificate, "%PDF-1.7\n不可抗力证明\n%%EOF"u8.ToArray());
        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, holderUser);
        await page.WaitForURLAsync(new Regex("/holder/deadlines$"));
        await page.GotoAsync($"/rights/{rightId}");
        await page.Locator("#relief-claim summary").ClickAsync();
        await page.Locator("#relief-claim input[name=duties]").First.CheckAsync();
        await page.Locator("#claim-from").FillAsync("2025-03-20");
        await page.Locator("#claim-to").FillAsync("2025-05-20");
        await page.Locator("#claim-reason").FillAsync("暴雨引发山洪，进场道路中断");
        await page.Locator("#claim-files").SetInputFilesAsync(certificate);
        await page.Locator("#relief-claim button[type=submit]").ClickAsync();
        await page.Locator("#message").WaitForAsync();
        Assert.True(page.Url.Contains("done=claimed", StringComparison.Ordinal), await page.Locator("#message").InnerTextAsync());
        Assert.Contains("免责申请待决定", await page.Locator("#obligations").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("不可抗力或正当理由的认定：", await page.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("workflow.force-majeure", await page.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserService.ScreenshotAsync(page, "holder-right-contract");

        // The claim is in the authority's queue, and its page takes the decision.
        await officer.GotoAsync("/officer/queue");
        var claim = officer.Locator("#work-queue tbody tr[data-process=force-majeure]", new PageLocatorOptions { HasText = right["licenseNumber"]!.GetValue<string>() });
        Assert.Equal(1, await claim.CountAsync());
        await claim.Locator("a:not(.step)").ClickAsync();
        Assert.Equal(1, await officer.Locator("details[data-process=force-majeure] form[data-signal=accept]").CountAsync());
    }
}
