namespace MiningRights.BrowserTests;

/// <summary>
/// A browser test that fails when the browser reported a Content-Security-Policy violation during it: a script, a
/// style or an image the policy blocked means a page that looks right in the test but is broken for its readers.
/// </summary>
public abstract class PageTest(BrowserService service) : IAsyncLifetime
{
    protected BrowserService Service => service;

    public Task InitializeAsync()
    {
        service.TakePolicyViolations();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // Console messages reach the test process a moment after the page reported them.
        await Task.Delay(200);
        var violations = service.TakePolicyViolations();
        Assert.True(violations.Count == 0, "Content-Security-Policy violations:" + Environment.NewLine + string.Join(Environment.NewLine, violations));
    }
}
