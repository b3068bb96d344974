using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using static MiningRights.IntegrationTests.Security.AccessWorld;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// The access matrix (issue 12, point 6), generated from the endpoint list: every endpoint, method and page handler has
/// a rule in <see cref="AccessRules"/>, and for each, with the real ids of holder A's objects in Gansu: holder B gets
/// what an unknown id gets (404, the same body), officers of Zhejiang and of another Gansu county likewise (they do not
/// see the province's objects, so acting on them is a 404 too), nobody changes anything by trying, and a caller without
/// a token gets 401 (a page: the sign-in page) except on the public endpoints. The owners' own answers show the ids are
/// real.
/// </summary>
public sealed partial class AccessMatrixTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private static readonly string[] Roles = ["Holder", "Inspector", "Authority", "Admin"];

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Every_endpoint_and_page_handler_has_a_rule_with_its_roles_and_every_rule_an_endpoint()
    {
        var endpoints = Endpoints();
        var rules = AccessRules.All.ToDictionary(r => r.Key, StringComparer.Ordinal);
        Assert.True(rules.Count == AccessRules.All.Count, "Two rules for one endpoint: " + string.Join(", ", AccessRules.All.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key)));

        var missing = endpoints.Keys.Where(k => !rules.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "No access rule for: " + string.Join("; ", missing)
            + ". Add one to AccessRules: who may call it, and which object of AccessWorld each route parameter names.");
        var stale = rules.Keys.Where(k => !endpoints.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "Rules for endpoints the service does not have: " + string.Join("; ", stale));

        var wrong = endpoints.Where(e => !SameRoles(e.Value, rules[e.Key].Roles))
            .Select(e => $"{e.Key}: the endpoint admits {Describe(e.Value)}, the rule says {Describe(rules[e.Key].Roles)}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        // Enough of them to be sure the list is the real one, and each rule names its calls.
        Assert.True(endpoints.Count >= 90, $"Only {endpoints.Count} endpoints found.");
        Assert.All(AccessRules.All, r => Assert.NotEmpty(r.Calls(world)));
    }

    [Fact]
    public async Task Without_a_token_every_endpoint_answers_401_and_every_page_sends_to_sign_in_but_the_public_ones_answer()
    {
        var failures = new List<string>();
        foreach (var rule in AccessRules.All)
        {
            foreach (var call in rule.Calls(world))
            {
                var client = world.Anonymous(browser: rule.IsPage);
                var answer = await SendAsync(client, rule, call, unknown: false);
                if (rule.IsPublic)
                {
                    Expect(failures, answer, answer.Status is not (401 or 403) && answer.Status < 500, "an answer without signing in");
                }
                else if (rule.IsPage)
                {
                    Expect(failures, answer, answer.Status == 302 && answer.Location is { } to
                        && new Uri(new Uri("http://localhost"), to).PathAndQuery.StartsWith("/sign-in?ReturnUrl=", StringComparison.Ordinal), "302 to /sign-in");
                }
                else
                {
                    Expect(failures, answer, answer.Status == 401 && answer.IsProblem, "401 ProblemDetails");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_owners_reach_every_object_the_matrix_names_so_a_stranger_s_404_is_about_scope()
    {
        var failures = new List<string>();
        var owners = new Dictionary<string, (HttpClient Api, HttpClient Browser)>
        {
            ["Holder"] = (world.HolderA.Client, world.Browsers[nameof(AccessWorld.HolderA)]),
            ["Authority"] = (world.AuthorityP, world.Browsers[nameof(AccessWorld.AuthorityP)]),
            ["Inspector"] = (world.InspectorP, world.Browsers[nameof(AccessWorld.InspectorP)]),
            ["Admin"] = (world.Admin, world.Browsers[nameof(AccessWorld.Admin)]),
        };
        var counted = 0;
        foreach (var rule in AccessRules.All.Where(r => r.Method == "GET"))
        {
            foreach (var call in rule.Calls(world))
            {
                if (rule.IsPublic)
                {
                    if (call.NamesObjects)
                    {
                        // Anyone reads a public notice or the feed at its address; an unknown one is not found.
                        var known = await SendAsync(world.Anonymous(), rule, call, unknown: false);
                        var unknownOne = await SendAsync(world.Anonymous(), rule, call, unknown: true);
                        Expect(failures, known, known.Status == 200, "200 for the real one");
                        Expect(failures, unknownOne, unknownOne.Status == 404, "404 for an unknown one");
                        counted++;
                    }

                    continue;
                }

                foreach (var (role, clients) in owners.Where(o => rule.Admits(o.Key)))
                {
                    // A does not see what only officers see (a block's transfer, a verification batch).
                    if (role == "Holder" && call.Whose == Whose.Officers)
                    {
                        continue;
                    }

                    if (!call.NamesObjects && !(rule.ListsOwn && role == "Holder"))
                    {
                        continue;
                    }

                    var answer = await SendAsync(rule.IsPage ? clients.Browser : clients.Api, rule, call, unknown: false);
                    Expect(failures, answer, answer.Status == 200, $"200 for the owner ({role} of {Province})");
                    counted++;
                    if (rule.ListsOwn && role == "Holder" && !world.Objects.Any(o => o.Holder == world.HolderA && answer.Body.Contains(o.Value, StringComparison.OrdinalIgnoreCase)))
                    {
                        failures.Add($"{answer.Request} as A: the list names none of A's objects, so a stranger's list without them proves nothing: {Cut(answer.Body)}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(counted >= 60, $"Only {counted} owner reads.");
    }

    [Theory]
    [InlineData(Stranger.HolderB)]
    [InlineData(Stranger.AuthorityOfZhejiang)]
    [InlineData(Stranger.InspectorOfZhejiang)]
    [InlineData(Stranger.AuthorityOfAnotherCounty)]
    public async Task A_stranger_with_A_s_real_ids_gets_the_answer_an_unknown_id_gets_sees_none_of_A_s_data_and_changes_nothing(Stranger stranger)
    {
        var role = stranger == Stranger.HolderB ? "Holder" : stranger == Stranger.InspectorOfZhejiang ? "Inspector" : "Authority";
        var api = world.Strangers[stranger];
        var browser = world.Browsers[stranger.ToString()];
        var secrets = world.SecretsFor(stranger);
        var failures = new List<string>();
        var rules = AccessRules.All.Where(r => !r.IsPublic).ToList();

        // First every call that names one of A's objects: nothing in the database or the files may change.
        var before = await FingerprintAsync();
        var views = await OwnerViewsAsync();
        var named = 0;
        foreach (var rule in rules)
        {
            foreach (var call in rule.Calls(world).Where(c => c.NamesObjects))
            {
                var client = rule.IsPage ? browser : api;
                var expected = !rule.Admits(role) ? 403 : rule.Stranger?.Invoke(stranger, call) ?? 404;
                var real = await SendAsync(client, rule, call, unknown: false);
                var unknown = await SendAsync(client, rule, call, unknown: true);
                named++;
                Expect(failures, real, real.Status == expected, $"{expected}");
                Expect(failures, real, rule.IsPage || real.Status < 400 || real.IsProblem, "a ProblemDetails");
                if (real.Status >= 400 && (real.Status != unknown.Status || real.Normalized != unknown.Normalized))
                {
                    failures.Add($"{real.Request} as {stranger}: the answer differs from an unknown id's.\n  real:    {(int)real.Status} {Cut(real.Normalized)}\n  unknown: {(int)unknown.Status} {Cut(unknown.Normalized)}");
                }

                NoSecrets(failures, real, secrets, call, stranger);
            }
        }

        var after = await FingerprintAsync();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        AssertSame(before, after, $"{stranger}'s calls naming A's objects");
        Assert.True(named >= 100, $"Only {named} calls named A's objects.");

        // Then the calls about the caller itself or a list: an answer without A's data, and A's objects as they were.
        foreach (var rule in rules.Where(r => !r.EndsSession))
        {
            foreach (var call in rule.Calls(world).Where(c => !c.NamesObjects))
            {
                var expected = !rule.Admits(role) ? 403 : rule.Stranger?.Invoke(stranger, call);
                var answer = await SendAsync(rule.IsPage ? browser : api, rule, call, unknown: false);
                Expect(failures, answer, expected is { } status ? answer.Status == status : answer.Status is >= 200 and < 300, expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "2xx");
                NoSecrets(failures, answer, secrets, call, stranger);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        AssertSame(views, await OwnerViewsAsync(), $"the owners' views after {stranger}'s own calls");
    }

    /// <summary>Every endpoint of the service by "METHOD pattern" (a page: GET, and each POST handler), with the roles its authorization admits.</summary>
    private Dictionary<string, string[]?> Endpoints()
    {
        var endpoints = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var endpoint in world.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var roles = RolesOf(endpoint);
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                endpoints[$"GET {pattern}"] = roles;
                foreach (var handler in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>()?.HandlerMethods ?? [])
                {
                    if (handler.HttpMethod == "Post")
                    {
                        endpoints[$"POST {pattern}" + (handler.Name is null ? string.Empty : $"?handler={handler.Name}")] = roles;
                    }
                }

                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                endpoints[$"{method} {pattern}"] = roles;
            }
        }

        return endpoints;
    }

    /// <summary>Empty for an anonymous endpoint, null for any signed-in user, else the roles every one of its policies admits.</summary>
    private static string[]? RolesOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return [];
        }

        var sets = endpoint.Metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>()).Select(r => r.AllowedRoles.ToArray())
            .Concat(endpoint.Metadata.OfType<IAuthorizeData>().Where(a => !string.IsNullOrEmpty(a.Roles)).Select(a => a.Roles!.Split(',', StringSplitOptions.TrimEntries)))
            .ToList();
        return sets.Count == 0 ? null : Roles.Where(r => sets.All(s => s.Contains(r, StringComparer.Ordinal))).ToArray();
    }

    private static bool SameRoles(string[]? endpoint, string[]? rule) =>
        endpoint is null ? rule is null : rule is not null && endpoint.Order(StringComparer.Ordinal).SequenceEqual(rule.Order(StringComparer.Ordinal));

    private static string Describe(string[]? roles) => roles is null ? "anyone signed in" : roles.Length == 0 ? "anyone" : string.Join(", ", roles);

    private sealed record Answer(string Request, int Status, string Body, string Normalized, bool IsProblem, string? Location);

    /// <summary>
    /// Sends the call with its real arguments, or with an unknown value in place of each that names an object; the
    /// answer's body with those values (and trace ids, form tokens) replaced by their names, to compare one with the other.
    /// </summary>
    private static async Task<Answer> SendAsync(HttpClient client, AccessRule rule, AccessCall call, bool unknown)
    {
        var values = call.Args.ToDictionary(a => a.Key, a => unknown && a.Value.Owned ? Unknown(a.Value.Value) : a.Value.Value, StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var path = RouteParameter().Replace(rule.Pattern, m =>
        {
            used.Add(m.Groups["name"].Value);
            return Uri.EscapeDataString(values[m.Groups["name"].Value]);
        });
        var query = call.Args.Where(a => !used.Contains(a.Key) && !a.Value.InBody).Select(a => $"{a.Key}={Uri.EscapeDataString(values[a.Key])}").ToList();
        if (rule.Handler is not null)
        {
            query.Insert(0, $"handler={rule.Handler}");
        }

        var url = path + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), url);
        request.Content = call.Body?.Invoke(values) ?? (rule.Method == "GET" ? null : AccessCall.Json(new { }));
        if (rule.IsPage && rule.Method != "GET")
        {
            // Every page form carries its token, a named handler's and the default handler's alike: without it the
            // antiforgery filter answers 400 before the page's handler runs, and the rule would check nothing.
            request.Content = await WithFormTokenAsync(client, request.Content);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        var normalized = body;
        if (isProblem && JsonNode.Parse(body) is JsonObject problem)
        {
            problem.Remove("traceId");
            normalized = problem.ToJsonString(Relaxed);
        }

        normalized = FormToken().Replace(normalized, "{token}");
        foreach (var (name, value) in values.Where(v => call.Args[v.Key].Owned))
        {
            normalized = normalized.Replace(value, "{" + name + "}", StringComparison.OrdinalIgnoreCase);
        }

        // A refusal may quote the address asked for cut short: the caller's own id, cut where it was cut.
        normalized = CutId().Replace(normalized, "{cut}…");

        return new Answer($"{rule.Method} {url} ({rule.Key}{(call.Label.Length == 0 ? string.Empty : ": " + call.Label)})", (int)response.StatusCode, body, normalized, isProblem,
            response.Headers.Location?.OriginalString);
    }

    /// <summary>A page's form carries the antiforgery token of the reader's session: taken from a form page the reader may open.</summary>
    private static async Task<HttpContent> WithFormTokenAsync(HttpClient client, HttpContent? content)
    {
        using var page = await client.GetAsync("/sign-in");
        var token = FormTokenValue().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, "No form token on /sign-in.");
        if (content is MultipartFormDataContent multipart)
        {
            multipart.Add(new StringContent(token.Groups["value"].Value), "__RequestVerificationToken");
            return multipart;
        }

        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token.Groups["value"].Value) };
        if (content is FormUrlEncodedContent form)
        {
            fields.AddRange((await form.ReadAsStringAsync()).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.Split('=')).Select(f => new KeyValuePair<string, string>(Uri.UnescapeDataString(f[0]), Uri.UnescapeDataString(f[1].Replace('+', ' ')))));
        }

        return new FormUrlEncodedContent(fields);
    }

    /// <summary>A value nobody has, shaped like the real one: a new GUID for an id, random letters for an address.</summary>
    private static string Unknown(string real) =>
        Guid.TryParse(real, out _) ? Guid.NewGuid().ToString() : string.Concat(Enumerable.Range(0, real.Length).Select(_ => (char)('a' + Random.Shared.Next(26))));

    private static void Expect(List<string> failures, Answer answer, bool condition, string expected)
    {
        if (!condition)
        {
            failures.Add($"{answer.Request}: expected {expected}, got {answer.Status}{(answer.Location is null ? string.Empty : " → " + answer.Location)}: {Cut(answer.Body)}");
        }
    }

    /// <summary>No value of the province's objects in an answer to a stranger, but those it sent itself.</summary>
    private static void NoSecrets(List<string> failures, Answer answer, IReadOnlyList<string> secrets, AccessCall call, Stranger stranger)
    {
        var sent = call.Args.Values.Select(a => a.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var secret in secrets.Where(s => !sent.Contains(s)))
        {
            if (answer.Body.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{answer.Request} as {stranger}: the answer names '{secret}' of the province: {Cut(answer.Body)}");
            }
        }
    }

    /// <summary>Every row of every table and every stored file, as text: two snapshots are equal when nothing was written.</summary>
    private async Task<SortedDictionary<string, string>> FingerprintAsync()
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var scope = world.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in db.Model.GetEntityTypes().Select(t => (Name: t.GetTableName(), Schema: t.GetSchema())).Where(t => t.Name is not null).Distinct())
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {(table.Schema is null ? string.Empty : $"\"{table.Schema}\".")}\"{table.Name}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    var row = new StringBuilder();
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        row.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append(';');
                    }

                    rows.Add(row.ToString());
                }

                rows.Sort(StringComparer.Ordinal);
                snapshot["table " + table.Name] = string.Join("\n", rows);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        foreach (var file in Directory.GetFiles(world.Factory.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("miningrights.db", StringComparison.Ordinal)))
        {
            snapshot["file " + Path.GetRelativePath(world.Factory.DataDirectory, file)] = new FileInfo(file).Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return snapshot;
    }

    /// <summary>What A and the province's authority read of A's objects, through every GET of the matrix.</summary>
    private async Task<SortedDictionary<string, string>> OwnerViewsAsync()
    {
        var views = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in AccessRules.All.Where(r => r.Method == "GET" && !r.IsPage && !r.IsPublic))
        {
            foreach (var call in rule.Calls(world).Where(c => c.NamesObjects || rule.ListsOwn))
            {
                foreach (var (name, client) in new[] { ("A", world.HolderA.Client), ("authority", world.AuthorityP) })
                {
                    if (rule.Admits(name == "A" ? "Holder" : "Authority") && !(name == "A" && call.Whose == Whose.Officers))
                    {
                        var answer = await SendAsync(client, rule, call, unknown: false);
                        views[$"{name}: {answer.Request}"] = $"{answer.Status} {answer.Normalized}";
                    }
                }
            }
        }

        return views;
    }

    private static void AssertSame(SortedDictionary<string, string> before, SortedDictionary<string, string> after, string what)
    {
        var changed = before.Keys.Union(after.Keys).Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .Select(k => $"{k}:\n  before: {Cut(before.GetValueOrDefault(k) ?? "(none)", 2000)}\n  after:  {Cut(after.GetValueOrDefault(k) ?? "(none)", 2000)}").ToList();
        Assert.True(changed.Count == 0, $"Changed by {what}:\n" + string.Join("\n", changed));
    }

    private static string Cut(string text, int length = 400) => text.Length <= length ? text : text[..length] + "…";

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<constraint>[a-z]+))?\??\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"(?<=name=""__RequestVerificationToken"" type=""hidden"" value="")[^""]+|(?<=type=""hidden"" name=""__RequestVerificationToken"" value="")[^""]+", RegexOptions.CultureInvariant)]
    private static partial Regex FormToken();

    [GeneratedRegex(@"[0-9a-fA-F-]+…", RegexOptions.CultureInvariant)]
    private static partial Regex CutId();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""(?<value>[^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex FormTokenValue();
}
