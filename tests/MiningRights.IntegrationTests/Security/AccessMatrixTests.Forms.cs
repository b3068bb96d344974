using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.Notifications;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Hosting;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// The endpoint walk (issue 23, point 1), in the access matrix's class to share its world: every write of the API that
/// an officer may call is offered on a page (<see cref="EndpointForms.OfferedOn"/>: the page exists, has the handler,
/// and renders for an officer of the province, with the world's data, a form posting to it) or says why it is
/// API-only (<see cref="EndpointForms.ApiOnly"/>), never both and never neither.
/// </summary>
public sealed partial class AccessMatrixTests
{
    private static readonly string[] Writes = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>The officer each page is rendered as, of those the endpoint and the page admit, with the client signed in as them.</summary>
    private static readonly (string Role, string Browser)[] OfficerReaders =
        [("Authority", nameof(AccessWorld.AuthorityP)), ("Admin", nameof(AccessWorld.Admin)), ("Inspector", nameof(AccessWorld.InspectorP))];

    [Fact]
    public async Task Every_write_an_officer_may_call_is_offered_on_a_page_that_renders_its_form_or_says_why_it_is_API_only()
    {
        var endpoints = world.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pages = endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .ToDictionary(e => "/" + e.RoutePattern.RawText!.Trim('/'), StringComparer.Ordinal);
        var failures = new List<string>();
        var offered = new List<string>();
        var apiOnly = new List<string>();

        // The admin page lists parked deadlines and dead notices with their retry forms: one of each, for this walk only.
        await using var restore = await ParkAndKillAsync();
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null))
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var methods = (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Intersect(Writes).ToList();
            var roles = RolesOf(endpoint);
            var officers = OfficerReaders.Where(o => roles is null || roles.Length == 0 || roles.Contains(o.Role, StringComparer.Ordinal)).ToList();
            if (methods.Count == 0 || officers.Count == 0)
            {
                continue;
            }

            var key = $"{string.Join("/", methods)} {pattern}";
            var page = endpoint.Metadata.GetMetadata<EndpointForms.OfferedOnPage>();
            var reason = endpoint.Metadata.GetMetadata<EndpointForms.ApiOnlyReason>();
            if ((page is null) == (reason is null))
            {
                failures.Add($"{key}: {(page is null ? "neither" : "both")} .OfferedOn(page, handler) {(page is null ? "nor" : "and")} .ApiOnly(reason) where it is mapped.");
                continue;
            }

            if (reason is not null)
            {
                if (string.IsNullOrWhiteSpace(reason.Reason))
                {
                    failures.Add($"{key}: API-only without a reason.");
                }

                apiOnly.Add($"{key}: {reason.Reason}");
                continue;
            }

            if (!pages.TryGetValue(page!.Page, out var pageEndpoint))
            {
                failures.Add($"{key}: offered on {page.Page}, which is not a page of the service.");
                continue;
            }

            var handlers = pageEndpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>()?.HandlerMethods.Where(h => h.HttpMethod == "Post").Select(h => h.Name).ToList() ?? [];
            if (!handlers.Contains(page.Handler))
            {
                failures.Add($"{key}: {page.Page} has no POST handler {page.Handler ?? "(default)"}; it has {string.Join(", ", handlers.Select(h => h ?? "(default)"))}.");
                continue;
            }

            var pageRoles = RolesOf(pageEndpoint);
            var reader = officers.FirstOrDefault(o => pageRoles is null || pageRoles.Length == 0 || pageRoles.Contains(o.Role, StringComparer.Ordinal));
            if (reader.Role is null)
            {
                failures.Add($"{key}: none of the officers who may call it ({string.Join(", ", officers.Select(o => o.Role))}) may open {page.Page}.");
                continue;
            }

            offered.Add(key);
            if (page.ShownWhen is not null)
            {
                // A form of one stage of its subject: the page and its handler are checked above; its chain's browser
                // test walks the form.
                continue;
            }

            var shown = new List<string>();
            var found = false;
            foreach (var url in Samples(page.Page))
            {
                using var response = await world.Browsers[reader.Browser].GetAsync(url);
                var html = await response.Content.ReadAsStringAsync();
                shown.Add($"{url} {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.OK && PostsTo(html, page.Handler))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                failures.Add($"{key}: no form posting to {page.Handler ?? "the default handler"} on {page.Page} as {reader.Role} ({string.Join("; ", shown)}).");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The walk saw the writes it is about: the registry's own and those already on pages, and the API-only ones with their reasons.
        Assert.Contains("POST /api/rights", offered);
        Assert.Contains("POST /api/holders", offered);
        Assert.Contains("POST /api/deadlines/{id:guid}/extension", offered);
        Assert.Contains("POST /api/accounts/{id}/lock", offered);
        Assert.Contains(apiOnly, a => a.StartsWith("POST /api/auth/login: ", StringComparison.Ordinal));
        Assert.Contains(apiOnly, a => a.StartsWith("POST /api/admin/clock: ", StringComparison.Ordinal));
        Assert.True(offered.Count >= 12, "Offered on pages: " + string.Join(", ", offered));
    }

    /// <summary>Addresses of a page for the world's objects: every right, process or deadline of A for a page about one.</summary>
    private IEnumerable<string> Samples(string page)
    {
        IEnumerable<string> ids = page switch
        {
            "/rights/{id:guid}" => world.Rights,
            "/workflows/instances/{id:guid}" => world.AllInstances.Select(i => i.Id),
            "/deadlines/{id:guid}/extension" => world.Deadlines,
            "/holders/{id:guid}" => [world.HolderA.Id.ToString()],
            "/listing/blocks/{id:guid}" => world.Blocks,
            "/contracts/{id:guid}" => [world.ContractId],
            "/rights/{id:guid}/contract" => world.Rights,
            _ when !page.Contains('{', StringComparison.Ordinal) => [string.Empty],
            _ => throw new InvalidOperationException($"No sample objects for {page}: add them to Samples."),
        };
        return ids.Select(id => RouteParameter().Replace(page, id));
    }

    /// <summary>Whether the page has a POST form whose action is the handler (the default handler: no handler in the action).</summary>
    private static bool PostsTo(string html, string? handler) =>
        FormTag().Matches(html).Any(form =>
        {
            var action = WebUtility.HtmlDecode(FormAction().Match(form.Value) is { Success: true } a ? a.Groups["action"].Value : string.Empty);
            return form.Value.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase)
                && (handler is null ? !action.Contains("handler=", StringComparison.Ordinal) : action.Contains($"handler={handler}", StringComparison.Ordinal));
        });

    /// <summary>Parks one of A's deadlines and marks one of its notices dead, and puts both back when disposed.</summary>
    private async Task<IAsyncDisposable> ParkAndKillAsync()
    {
        var deadline = Guid.Parse(world.Deadlines[0]);
        var notice = Guid.Parse(world.NotificationId);
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var status = await db.Notifications.Where(n => n.Id == notice).Select(n => n.Status).SingleAsync();
        await db.Deadlines.Where(d => d.Id == deadline).ExecuteUpdateAsync(u => u.SetProperty(d => d.ParkedAtUtc, DateTime.UtcNow));
        await db.Notifications.Where(n => n.Id == notice).ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, NotificationStatus.Dead));
        return new Restore(async () =>
        {
            using var again = world.Factory.Services.CreateScope();
            var store = again.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            await store.Deadlines.Where(d => d.Id == deadline).ExecuteUpdateAsync(u => u.SetProperty(d => d.ParkedAtUtc, (DateTime?)null));
            await store.Notifications.Where(n => n.Id == notice).ExecuteUpdateAsync(u => u.SetProperty(n => n.Status, status));
        });
    }

    private sealed class Restore(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }

    [GeneratedRegex("<form\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("action=\"(?<action>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();
}
