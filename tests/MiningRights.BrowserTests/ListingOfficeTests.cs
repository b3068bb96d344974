using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.BrowserTests;

/// <summary>
/// The listing office on its pages, as the authority works it in Chromium (issue 23): an annual plan, a block added with
/// its corners (a refused line keeps what was typed), planned and announced with a bidding deadline and contact; the
/// public reads the announcement with its starting price, corners and map; after the period the queue's "确认成交" link
/// opens the transaction form; then the contract, the first payment on the contract's page, the registration, and the
/// right. The announcement reads 已截止 once its bidding deadline is past. Its own service: the clock moves.
/// </summary>
public sealed class ListingOfficeTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task The_authority_takes_a_block_from_the_pool_to_a_registered_right_on_the_pages_and_the_public_sees_the_announcement_end()
    {
        var holder = await Service.Api.HolderAsync();
        var officer = await Service.AccountAsync("Authority", "620000");
        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, officer);
        await page.WaitForURLAsync(new Regex("/officer/queue$"));

        // The annual plan of the county.
        await page.GotoAsync("/listing/plans");
        await page.Locator("#plan-jurisdiction").SelectOptionAsync("620923");
        await page.Locator("#plan-year").FillAsync("2025");
        await page.Locator("#plan-quota").FillAsync("3");
        await SubmitAsync(page, "#set-plan");
        Assert.Equal("年度出让计划已保存。", await page.Locator("#message").InnerTextAsync());
        Assert.Contains("3", await page.Locator("#plans tr[data-plan='620923-2025']").InnerTextAsync(), StringComparison.Ordinal);

        // A block: a corner line that does not read is refused, and the form keeps what was typed.
        var corners = ListingWorld.FreshSquare(0.1);
        var cornerText = string.Join('\n', corners.Take(4).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c[0]}, {c[1]}")));
        await page.GotoAsync("/listing/blocks/new");
        await page.Locator("#block-name").FillAsync("红柳沟金矿勘查区块");
        await page.Locator("#block-minerals").FillAsync("金、铜");
        await page.Locator("#block-county").SelectOptionAsync("620923");
        await page.Locator("#block-authority").SelectOptionAsync("620000");
        await page.Locator("#block-kind").SelectOptionAsync("Exploration");
        await page.Locator("#block-corners").FillAsync(cornerText + "\n97.1 北纬");
        await SubmitAsync(page, "#add-block");
        Assert.Contains("第 5 个拐点", await page.Locator("#message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("红柳沟金矿勘查区块", await page.Locator("#block-name").InputValueAsync());
        Assert.Equal("金、铜", await page.Locator("#block-minerals").InputValueAsync());
        await page.Locator("#block-corners").FillAsync(cornerText);
        await SubmitAsync(page, "#add-block");
        Assert.Equal("区块已加入项目库。", await page.Locator("#message").InnerTextAsync());
        Assert.Matches(new Regex("/listing/blocks/[0-9a-f-]{36}\\?done=added$"), page.Url);
        var blockAddress = new Uri(page.Url).AbsolutePath;

        // Into the plan, then announced for listing with a published starting price, a bidding deadline and a contact.
        await SubmitAsync(page, "#plan");
        Assert.Equal("区块已列入年度出让计划。", await page.Locator("#message").InnerTextAsync());
        await page.Locator("#announce-method").SelectOptionAsync("Listing");
        await page.Locator("#announce-reserve").FillAsync("1000000");
        await page.Locator("#announce-starting").FillAsync("900000");
        await page.Locator("#announce-bidding").FillAsync("2025-03-18");
        await page.Locator("#announce-contact").FillAsync("酒泉市自然资源局 0937-2612345");
        await SubmitAsync(page, "#announce");
        Assert.Equal("出让公告已发布。", await page.Locator("#message").InnerTextAsync());

        // The public reads it without signing in: open, starting price, deadline, contact, the corners numbered on the map.
        var visitor = await Service.NewPageAsync("zh-CN");
        await visitor.GotoAsync("/announcements");
        var notice = visitor.Locator("#open-announcements article.announcement", new() { HasText = "红柳沟金矿勘查区块" }).First;
        Assert.Equal("公告中", await notice.Locator(".announcement-status").InnerTextAsync());
        Assert.Contains("900,000", await notice.Locator(".starting-price").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2025-03-18", await notice.Locator(".bidding-deadline").InnerTextAsync());
        Assert.Equal("酒泉市自然资源局 0937-2612345", await notice.Locator(".contact").InnerTextAsync());
        Assert.DoesNotContain("1,000,000", await notice.InnerTextAsync(), StringComparison.Ordinal);
        await notice.Locator("header a").ClickAsync();
        await visitor.WaitForURLAsync(new Regex("/announcements/[0-9a-f-]{36}$"));
        Assert.Equal(4, await visitor.Locator("table.corners tbody tr").CountAsync());
        await visitor.Locator(".map[data-drawn=true]").WaitForAsync();
        Assert.Equal(["1", "2", "3", "4"], (await visitor.Locator(".leaflet-tooltip.corner-label").AllInnerTextsAsync()).Order(StringComparer.Ordinal));
        await BrowserService.ScreenshotAsync(visitor, "public-announcement");

        // After the announcement period the queue asks for the outcome; its link opens the transaction form.
        await Service.Factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 22, 0, 1));
        Service.Factory.Clock.Set(TestClock.Shanghai(2025, 3, 23, 10));
        await page.GotoAsync("/officer/queue");
        var step = page.Locator($"#work-queue a.step[data-signal=transact][href^='{blockAddress}']");
        Assert.Equal("确认成交（竞得人、成交价）", await step.InnerTextAsync());
        await step.ClickAsync();
        await page.Locator("#transact").WaitForAsync();
        await page.Locator("#transact-holder").SelectOptionAsync(holder.Id.ToString());
        await page.Locator("#transact-price").FillAsync("1200000");
        await SubmitAsync(page, "#transact");
        Assert.Equal("已确认成交。", await page.Locator("#message").InnerTextAsync());

        // The public list now shows it ended.
        await visitor.GotoAsync("/announcements");
        var ended = visitor.Locator("#ended-announcements article.announcement", new() { HasText = "红柳沟金矿勘查区块" }).First;
        Assert.Equal("已截止", await ended.Locator(".announcement-status").InnerTextAsync());

        // The contract by amount, the first installment paid in full on the contract's page, then the registration.
        await page.Locator("#contract-number").FillAsync("GS-CR-" + Guid.NewGuid().ToString("N")[..8]);
        await page.Locator("#contract-collection").SelectOptionAsync("Amount");
        await page.Locator("#contract-total").FillAsync("1200000");
        await page.Locator("#contract-installments").FillAsync("2025-04-22, 120000\n2026-03-23, 1080000");
        await SubmitAsync(page, "#signContract");
        Assert.Equal("出让合同已签订。", await page.Locator("#message").InnerTextAsync());
        await page.Locator("#confirmFirstPayment a").ClickAsync();
        await page.Locator("#pay-installment").SelectOptionAsync("1");
        await page.Locator("#pay-amount").FillAsync("120000");
        await page.Locator("#pay-on").FillAsync("2025-03-23");
        await page.Locator("#pay-reference").FillAsync("TR-2025-001");
        await SubmitAsync(page, "#record-payment");
        Assert.Equal("缴款已登记。", await page.Locator("#message").InnerTextAsync());
        Assert.Equal("True", await page.Locator("#installments tr[data-installment='1']").GetAttributeAsync("data-paid"));

        await page.GotoAsync(blockAddress);
        var license = Api.NewLicenseNumber("T");
        await page.Locator("#register-license").FillAsync(license);
        await page.Locator("#register-expires").FillAsync("2028-03-22");
        await SubmitAsync(page, "#register");
        await page.WaitForURLAsync(new Regex("/rights/[0-9a-f-]{36}\\?done=registered$"));
        Assert.Contains(license, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Submits a form and waits for the page it leads to (the same page again when refused): the old page's mark is gone.</summary>
    private static async Task SubmitAsync(IPage page, string form)
    {
        await page.EvaluateAsync("() => { window.__submitted = true; }");
        await page.Locator($"{form} button[type=submit]").ClickAsync();
        for (var waited = 0; waited < 60_000; waited += 100)
        {
            try
            {
                if (!await page.EvaluateAsync<bool>("() => window.__submitted === true"))
                {
                    break;
                }
            }
            catch (PlaywrightException)
            {
                // The old document went away while asked: the next one is on its way.
            }

            await Task.Delay(100);
        }

        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
