using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.IntegrationTests.Security;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Pages;

/// <summary>
/// Every page every role can reach, in Chinese and in English, speaks plain words: no internal identifier (a state,
/// signal, deadline, workflow id or enum name, from the definitions and enums themselves), no GUID outside an
/// attribute, and in Chinese no English word beyond a fixed list of brand names, units and abbreviations.
/// The pages come from the service's own endpoint list, their route values from the access matrix's world
/// (<see cref="AccessRules"/>: every page has a row there), so a new page is read here without a line added.
/// Text a page marks as written in the other language (<c>lang="en"</c> on a notice sent in English, the language
/// switch) is that language's; names of accounts, e-mail addresses, file names and what a page marks
/// <c>translate="no"</c> (a rulebook parameter's name, typed as it is into a rulebook) are data, not words: all are left
/// out of the scan.
/// </summary>
public sealed partial class PlainWordsTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    /// <summary>The readers, as the access world signs them in by cookie, with their role.</summary>
    private static readonly (string Browser, string Role)[] Readers =
    [
        (nameof(AccessWorld.HolderA), "Holder"),
        (nameof(AccessWorld.AuthorityP), "Authority"),
        (nameof(AccessWorld.InspectorP), "Inspector"),
        (nameof(AccessWorld.Admin), "Admin"),
    ];

    /// <summary>Latin words a Chinese page may carry: file formats, units, brand and standard names, and the plane axes X and Y as 拐点坐标 tables write them.</summary>
    private static readonly HashSet<string> ChineseMayCarry = new(StringComparer.Ordinal)
    {
        "PDF", "Word", "OFD", "ZIP", "JPEG", "PNG", "CSV", "XLSX", "JSON", "km", "iCalendar", "CGCS", "ECharts", "API", "X", "Y",
    };

    [Fact]
    public async Task Every_page_of_every_role_speaks_plain_words_in_both_languages()
    {
        var identifiers = Identifiers(world.Factory.Services);
        var people = await PeopleAsync();
        var problems = new List<string>();
        var read = 0;
        foreach (var pattern in PagePatterns(world.Factory.Services))
        {
            // A page without a GET row has no values to fill: the access matrix fails for it already.
            if (AccessRules.All.FirstOrDefault(r => r.Method == "GET" && r.Handler is null && r.Pattern == pattern) is not { } rule)
            {
                continue;
            }

            foreach (var (browser, role) in Readers.Where(r => rule.Admits(r.Role)))
            {
                foreach (var address in Addresses(rule, world))
                {
                    foreach (var language in new[] { "zh-CN", "en" })
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, address);
                        request.Headers.AcceptLanguage.ParseAdd(language);
                        request.Headers.Accept.ParseAdd("text/html");
                        using var response = await world.Browsers[browser].SendAsync(request);

                        // Another's object or an officers' process: not this reader's page (the access matrix tests that).
                        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                        {
                            continue;
                        }

                        read++;
                        var html = await response.Content.ReadAsStringAsync();
                        problems.AddRange(Scan(html, language, identifiers, people).Distinct().Select(p => $"{role} · {language} · {address}: {p}"));
                    }
                }
            }
        }

        Assert.True(read >= 40, $"only {read} pages were read");
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Distinct()
            .GroupBy(p => p[..p.LastIndexOf(": ", StringComparison.Ordinal)], StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p[(g.Key.Length + 2)..]).Take(40))}")));
    }

    [Fact]
    public void The_scan_finds_what_it_is_meant_to_find()
    {
        var identifiers = new HashSet<string>(StringComparer.Ordinal) { "rectificationOverdue" };
        var html = "<html lang=\"zh-CN\"><body><a href=\"/rights/0f8fad5b-d9cb-469f-a165-70867728950e\" data-id=\"0f8fad5b-d9cb-469f-a165-70867728950e\">矿业权</a>"
            + "<p>状态 rectificationOverdue，计划 0f8fad5b-d9cb-469f-a165-70867728950e，Overdue 共 3 天，GS-9e，PDF</p>"
            + "<button lang=\"en\">English</button><p title=\"closedWithdrawn\">（某人 someone@officers.test）</p></body></html>";

        var found = Scan(html, "zh-CN", identifiers, ["someone@officers.test"]).ToList();

        Assert.Equal(["identifier “rectificationOverdue”", "GUID “0f8fad5b-d9cb-469f-a165-70867728950e”", "English “rectificationOverdue”", "English “Overdue”", "English “closedWithdrawn”"], found);
    }

    /// <summary>What a reader sees on a page that is not plain words.</summary>
    private static IEnumerable<string> Scan(string html, string language, HashSet<string> identifiers, IReadOnlyCollection<string> people)
    {
        var text = Visible(html, language);
        foreach (var person in people.OrderByDescending(p => p.Length))
        {
            text = text.Replace(person, " ", StringComparison.Ordinal);
        }

        text = Data().Replace(text, " ");

        foreach (Match word in Word().Matches(text))
        {
            if (identifiers.Contains(word.Value) || word.Value.StartsWith("system:", StringComparison.Ordinal))
            {
                yield return $"identifier “{word.Value}”";
            }
        }

        foreach (Match guid in Guid().Matches(text))
        {
            yield return $"GUID “{guid.Value}”";
        }

        if (language != "zh-CN")
        {
            yield break;
        }

        // Rule IDs (GS-9e, CN-TERM), licence and document numbers (anything with a digit) are codes, not English.
        var words = Digits().Replace(RuleId().Replace(Guid().Replace(text, " "), " "), " ");
        foreach (Match latin in Latin().Matches(words))
        {
            if (!ChineseMayCarry.Contains(latin.Value))
            {
                yield return $"English “{latin.Value}”";
            }
        }
    }

    /// <summary>
    /// The text a reader sees: without scripts, styles and a diagram's source (drawn into labelled shapes by its script),
    /// without parts marked as written in the other language, tags stripped; with the attributes a reader is shown
    /// (title, aria-label, alt, placeholder).
    /// </summary>
    private static string Visible(string html, string language)
    {
        html = Hidden().Replace(html, " ");
        html = OtherLanguage().Replace(html, m => m.Groups["lang"].Value == language ? m.Value : " ");
        html = NotTranslated().Replace(html, " ");
        var shown = string.Join(" ", ShownAttribute().Matches(html).Select(m => m.Groups["value"].Value));
        return WebUtility.HtmlDecode(Tag().Replace(html, " ") + " " + shown);
    }

    /// <summary>Every page's route pattern, from the service's own endpoint list.</summary>
    private static IEnumerable<string> PagePatterns(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Distinct().Order(StringComparer.Ordinal);

    /// <summary>The addresses of a page: its route values filled from each call the access matrix makes of it.</summary>
    private static IEnumerable<string> Addresses(AccessRule rule, AccessWorld world)
    {
        var calls = rule.Calls(world).ToList();
        if (calls.Count == 0)
        {
            calls = [AccessCall.Plain()];
        }

        foreach (var call in calls)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            var path = RouteParameter().Replace(rule.Pattern, m =>
            {
                used.Add(m.Groups["name"].Value);
                return Uri.EscapeDataString(call.Args[m.Groups["name"].Value].Value);
            });
            var query = call.Args.Where(a => !used.Contains(a.Key) && !a.Value.InBody).Select(a => $"{a.Key}={Uri.EscapeDataString(a.Value.Value)}").ToList();
            yield return path + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
        }
    }

    /// <summary>
    /// The service's internal names: every workflow's id, states, signals, their choice values and deadlines, and every
    /// enum's value names as the API spells them (camelCase); those with a capital inside or a hyphen, which no
    /// sentence of either language uses as a word.
    /// </summary>
    private static HashSet<string> Identifiers(IServiceProvider services)
    {
        var names = new List<string>();
        foreach (var definition in services.GetRequiredService<WorkflowRegistry>().Definitions.Select(d => d.Definition))
        {
            names.Add(definition.Id);
            names.AddRange(definition.States.Keys);
            names.AddRange(definition.Signals.Keys);
            names.AddRange(definition.Signals.Values.SelectMany(s => s.Inputs.Values).SelectMany(i => i.Values));
            names.AddRange(definition.Deadlines.Keys);
        }

        foreach (var type in typeof(WorkflowRegistry).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic))
        {
            names.AddRange(Enum.GetNames(type).Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        }

        return names.Where(n => n.Skip(1).Any(char.IsUpper) || n.Contains('-', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The user names and addresses of every account: the names of people, printed as they are.</summary>
    private async Task<IReadOnlyCollection<string>> PeopleAsync()
    {
        var accounts = JsonNode.Parse(await world.Admin.GetStringAsync("/api/accounts"))!;
        var list = accounts as JsonArray ?? accounts["items"]!.AsArray();
        return list.SelectMany(a => new[] { a!["userName"]?.GetValue<string>(), a["email"]?.GetValue<string>() })
            .OfType<string>().Where(n => n.Length > 0).ToList();
    }

    [GeneratedRegex(@"<script\b.*?</script>|<style\b.*?</style>|<pre class=""mermaid""[^>]*>.*?</pre>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<(?<tag>(?!html\b)[a-z][a-z0-9]*)\b(?=[^>]*\slang=""(?<lang>[^""]+)"")[^>]*>.*?</\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex OtherLanguage();

    [GeneratedRegex(@"<(?<tag>[a-z][a-z0-9]*)\b[^>]*\stranslate=""no""[^>]*>.*?</\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex NotTranslated();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w.-]+\.(?:pdf|docx?|ofd|zip|jpe?g|png|json|csv|xlsx)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Data();

    [GeneratedRegex(@"\s(?:title|aria-label|alt|placeholder)=""(?<value>[^""]*)""")]
    private static partial Regex ShownAttribute();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*(?:[-:.][A-Za-z0-9]+)*")]
    private static partial Regex Word();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b[A-Z]{2,}-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"[A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]*")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex Latin();

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]+)?\}")]
    private static partial Regex RouteParameter();
}
