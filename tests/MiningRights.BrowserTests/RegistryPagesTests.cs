using System.Text.RegularExpressions;
using MiningRights.Accounts;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Rights;

namespace MiningRights.BrowserTests;

/// <summary>
/// The register in Chromium (issue 23, point 1): the authority registers a holder and a right for it on pages, finds the
/// right in the register with its filters, opens it, sees it among the rights about to expire without a renewal
/// application, and extends one of its deadlines; an administrator creates an account (jurisdiction chosen by name),
/// locks and unlocks it, and is offered no lock on their own account.
/// </summary>
public sealed class RegistryPagesTests(BrowserService service) : PageTest(service), IClassFixture<BrowserService>
{
    [Fact]
    public async Task The_authority_registers_a_holder_and_a_right_finds_it_sees_it_expiring_and_extends_a_deadline()
    {
        var officerUser = await Service.AccountAsync("Authority", "620000");
        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, officerUser);
        await page.WaitForURLAsync(new Regex("/officer/queue$"));

        // A holder: refused without a valid address (the values stay), then registered.
        var digits = string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(9)).PadRight(9, '6');
        var code = UnifiedSocialCreditCode.WithCheckCharacter($"91620900{digits}");
        await page.GotoAsync("/holders");
        await page.Locator("#register-holder").ClickAsync();
        await page.GetByLabel("统一社会信用代码").FillAsync(code);
        await page.GetByLabel("中文名称").FillAsync("肃北金泉矿业有限公司");
        await page.GetByLabel("英文名称").FillAsync("Subei Jinquan Mining Co., Ltd.");
        await page.GetByLabel("接收通知的电子邮箱（每行一个）").FillAsync("no address");
        await page.Locator("#register").ClickAsync();
        await page.Locator("#message.error").WaitForAsync();
        Assert.Equal("肃北金泉矿业有限公司", await page.GetByLabel("中文名称").InputValueAsync());
        await page.GetByLabel("接收通知的电子邮箱（每行一个）").FillAsync("office@jinquan.test");
        await page.Locator("#register").ClickAsync();
        await page.WaitForURLAsync(new Regex("/holders/[0-9a-f-]{36}\\?done=registered$"));
        Assert.Equal(code, (await page.Locator("#credit-code").InnerTextAsync()).Trim());

        // A right for it, from its page: the holder's code is filled in; the term ends within 90 days.
        await page.Locator("#register-right-for-holder").ClickAsync();
        Assert.Equal(code, await page.Locator("#holder-code").InputValueAsync());
        var license = "T62092300" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(9)).PadRight(9, '2');
        await page.Locator("#license-number").FillAsync(license);
        await page.Locator("#kind").SelectOptionAsync("Exploration");
        await page.Locator("#project-name").FillAsync("石包城钨矿普查");
        await page.Locator("#minerals").FillAsync("钨");
        await page.Locator("#area").FillAsync("8.25");
        await page.Locator("#county").SelectOptionAsync("620923");
        await page.Locator("#authority").SelectOptionAsync("620000");
        await page.Locator("#transfer-mode").SelectOptionAsync("Listing");
        await page.Locator("#registered-on").FillAsync("2023-05-01");
        await page.Locator("#expires-on").FillAsync("2025-05-01");
        await page.Locator("#register").ClickAsync();
        await page.WaitForURLAsync(new Regex("/rights/[0-9a-f-]{36}\\?done=registered$"));
        var rightUrl = new Uri(page.Url).AbsolutePath;
        Assert.Equal(license, (await page.Locator("#license-number").InnerTextAsync()).Trim());
        Assert.Equal("探矿权", (await page.Locator("#kind").InnerTextAsync()).Trim());
        Assert.Contains("肃北金泉矿业有限公司", await page.Locator("#holder-link").InnerTextAsync(), StringComparison.Ordinal);

        // The register: searched by part of the number and filtered by kind and county, the row leads to the right.
        await page.GotoAsync("/rights");
        await page.Locator("#q").FillAsync(license[..12]);
        await page.Locator("#kind").SelectOptionAsync("Exploration");
        await page.Locator("#place").SelectOptionAsync("620923");
        await page.Locator("#right-search button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("place=620923"));
        var row = page.Locator($"#rights tr[data-right='{license}']");
        Assert.Contains("肃北蒙古族自治县", await row.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#kind").SelectOptionAsync("Mining");
        await page.Locator("#right-search button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("kind=Mining"));
        Assert.Equal(0, await page.Locator($"#rights tr[data-right='{license}']").CountAsync());
        Assert.Equal("采矿权", (await page.Locator("#kind option:checked").InnerTextAsync()).Trim());
        await page.GotoAsync($"/rights?q={license}");
        await page.Locator($"#rights tr[data-right='{license}'] a.license").ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(rightUrl) + "$"));

        // About to expire: within 90 days, renewal not applied for.
        await page.GotoAsync("/rights/expiring");
        await page.Locator("#within").SelectOptionAsync("90");
        await page.Locator("#expiring-window button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("within=90"));
        var expiring = page.Locator($"#expiring tr[data-right='{license}']");
        Assert.Equal("未申请", (await expiring.Locator(".renewal").InnerTextAsync()).Trim());
        Assert.Contains("61", await expiring.Locator(".days-left").InnerTextAsync(), StringComparison.Ordinal);

        // A deadline extended from the right's page: a refusal keeps the reasons; then the new date, and back on the right.
        await page.GotoAsync(rightUrl);
        var deadline = page.Locator("li[data-deadline]").First;
        await deadline.Locator("a.extend").ClickAsync();
        await page.WaitForURLAsync(new Regex("/deadlines/[0-9a-f-]{36}/extension$"));
        await page.Locator("#reason").FillAsync("进场道路冲毁，延期提交");
        await page.Locator("#due-on").FillAsync("2020-01-01");
        await page.Locator("#extend").ClickAsync();
        await page.Locator("#message.error").WaitForAsync();
        Assert.Equal("进场道路冲毁，延期提交", await page.Locator("#reason").InputValueAsync());
        await page.Locator("#due-on").FillAsync("2025-04-20");
        await page.Locator("#extend").ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(rightUrl) + "\\?done=extended$"));
        Assert.Contains("期限已延长", await page.Locator("#message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("2025-04-20", await page.Locator("li[data-deadline]").AllInnerTextsAsync() is var items ? string.Join("\n", items) : string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_creates_an_account_by_jurisdiction_name_locks_and_unlocks_it_and_has_no_lock_of_their_own()
    {
        var page = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(page, ServiceFactory.AdminUser);
        await page.WaitForURLAsync(new Regex("/admin$"));
        Assert.Equal(0, await page.Locator($"#accounts tr[data-account='{ServiceFactory.AdminUser}'] form").CountAsync());
        Assert.Equal(1, await page.Locator($"#accounts tr[data-account='{ServiceFactory.AdminUser}'] .own-account").CountAsync());

        var userName = $"insp-{Guid.NewGuid():N}"[..16];
        await page.Locator("#create-account summary").ClickAsync();
        await page.Locator("#account-user-name").FillAsync(userName);
        await page.Locator("#account-password").FillAsync(ServiceFactory.Password);
        await page.Locator("#account-role").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "监督检查人员" });
        Assert.Contains("肃北蒙古族自治县", await page.Locator("#account-jurisdiction option[value='620923']").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#account-jurisdiction").SelectOptionAsync("620923");
        await page.Locator("#create-account-submit").ClickAsync();
        await page.WaitForURLAsync(new Regex("done=created"));
        var row = page.Locator($"#accounts tr[data-account='{userName}']");
        var text = await row.InnerTextAsync();
        Assert.Contains("监督检查人员", text, StringComparison.Ordinal);
        Assert.Contains("肃北蒙古族自治县", text, StringComparison.Ordinal);
        Assert.DoesNotContain("620923", text, StringComparison.Ordinal);

        await row.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("done=locked"));
        Assert.StartsWith("已锁定", (await row.Locator(".account-state").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await row.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("done=unlocked"));
        Assert.Equal("正常", (await row.Locator(".account-state").InnerTextAsync()).Trim());
        var inspector = await Service.NewPageAsync("zh-CN");
        await BrowserService.SignInAsync(inspector, userName);
        await inspector.WaitForURLAsync(new Regex("/inspector/cases$"));
    }
}
