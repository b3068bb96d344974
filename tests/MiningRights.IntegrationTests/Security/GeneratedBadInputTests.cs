using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;
using Xunit.Abstractions;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// Bad input generated from the service's own <c>/openapi/v1.json</c>: for every operation with a body (JSON or
/// multipart) and every path and query parameter, malformed bodies, wrong types, out-of-range numbers and dates, invalid
/// coordinates, unknown ids, a 10 MB string and broken multipart forms, each sent as a role the operation admits so that
/// it gets past authorization to the code that reads it. Every answer is a 4xx ProblemDetails without a stack trace or a
/// .NET type name, and no table of the database has a row more or less afterwards. An operation added later is covered
/// without touching this test.
/// </summary>
public sealed partial class GeneratedBadInputTests(ITestOutputHelper output)
{
    private const string Sentinel = "__hostile_value__";
    private const string Boundary = "hostile-input-boundary";
    private static readonly byte[] Pdf = "%PDF-1.7\nhostile input test\n%%EOF"u8.ToArray();
    private static readonly string TenMegabytes = new('x', 10 * 1024 * 1024);

    /// <summary>The role an operation is called as, of those its authorization admits: officers first, as most operations are theirs.</summary>
    private static readonly string[] RolePreference = ["Authority", "Admin", "Holder", "Inspector"];

    [Fact]
    public async Task Every_operation_of_the_API_document_answers_generated_bad_input_with_a_4xx_problem_and_writes_nothing()
    {
        var clock = Stopwatch.StartNew();
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await World.StartAsync(factory);
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var operations = Operations(document, factory.Services).ToList();
        Assert.True(operations.Count >= 60, $"only {operations.Count} operations in the document");

        var before = await TableRows.CountAsync(factory.Services);
        var filesBefore = StoredFiles(factory);
        var setUp = clock.Elapsed;

        var failures = new List<string>();
        var refusedOnly = new List<string>();
        var answered = new List<string>();
        var sent = 0;
        var covered = 0;
        foreach (var operation in operations)
        {
            var variants = new Generator(document, operation, world).Variants().ToList();
            if (variants.Count == 0)
            {
                continue;
            }

            covered++;
            var client = world.Client(operation.Role, ChecksPassword(document, operation));
            var pastAuthorization = 0;
            foreach (var variant in variants)
            {
                using var request = variant.Request();
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                sent++;
                var status = (int)response.StatusCode;
                // The body limit answers before authentication does: its 413 shows nothing about who may call.
                if (status is not (401 or 403) && variant.Expected is null)
                {
                    pastAuthorization++;
                }

                if (Judge(variant, response, status, body) is { } wrong)
                {
                    failures.Add($"{operation} — {variant.What}: {wrong} → {status} '{response.Content.Headers.ContentType}': {Cut(body)}");
                }
                else if (status < 300)
                {
                    answered.Add($"{operation} — {variant.What} → {status}");
                }
            }

            if (pastAuthorization == 0)
            {
                refusedOnly.Add($"{operation} as {operation.Role}: all {variants.Count} requests were refused with 401/403, none reached the code that reads them");
            }
        }

        var after = await TableRows.CountAsync(factory.Services);
        var filesAfter = StoredFiles(factory);
        output.WriteLine($"{TestDatabase.OnPostgres switch { true => "PostgreSQL", false => "SQLite" }}: {sent} requests over {covered} of {operations.Count} operations in {clock.Elapsed - setUp:g} (set-up {setUp:g}); {answered.Count} answered 2xx (free-text filters that match nothing).");
        foreach (var line in answered)
        {
            output.WriteLine(line);
        }

        Assert.True(covered >= 50, $"only {covered} operations had bad input to send");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were wrong:\n" + string.Join("\n", failures.Take(60)));
        Assert.True(refusedOnly.Count == 0, string.Join("\n", refusedOnly));
        Assert.Equal(before.Count, after.Count);
        Assert.True(before.Count >= 20, $"only {before.Count} tables in the model");
        var changed = before.Where(t => after[t.Key] != t.Value).Select(t => $"{t.Key}: {t.Value} → {after[t.Key]}").ToList();
        Assert.True(changed.Count == 0, "rows were written: " + string.Join(", ", changed));
        Assert.Equal(filesBefore, filesAfter);
    }

    [Fact]
    public async Task Every_upload_keeps_the_file_name_as_a_label_never_as_a_path_and_refuses_a_name_with_a_NUL()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var uploads = Operations(document, factory.Services).Where(o => o.Node["requestBody"]?["content"]?["multipart/form-data"] is not null).Select(o => o.ToString()).ToList();

        // Each upload of the document is sent below as a request that is otherwise accepted: a new one must be added here.
        Assert.Equal(
            ["POST /api/imports (Imports_Import)", "POST /api/rights/{id}/relief-claims (Contracts_ClaimRelief)", "POST /api/rights/{rightId}/plans (Plans_Submit)",
                "POST /api/workflows/instances/{id}/signals/{signal} (Workflows_Signal)"],
            uploads.Order(StringComparer.Ordinal));

        var marker = Guid.NewGuid().ToString("N");
        string[] names =
        [
            $"../../../{marker}-up.pdf", $"/tmp/{marker}-absolute.pdf", $"..\\..\\{marker}-backslash.pdf", $"C:\\Windows\\{marker}-drive.pdf",
            $"plans/../../{marker}-inside.pdf", $"~/{marker}-home.pdf", $"%2e%2e%2f{marker}-encoded.pdf",
        ];
        var listing = await ListingWorld.StartAsync(factory, "620000");
        var holder = await listing.Api.HolderAsync("en");
        var labels = new List<string>();

        // A plan: one file per submission, so a right awaiting its plan for each name.
        foreach (var name in names.Append("plan\0.exe.pdf"))
        {
            var right = await Api.ReadAsync(await listing.Authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
            var response = await holder.Client.PostAsync($"/api/rights/{right["id"]}/plans", Multipart([Part.File("file", name, Pdf)]));
            if (name.Contains('\0', StringComparison.Ordinal))
            {
                await AssertNulRefusedAsync(response, "file");
                continue;
            }

            labels.Add((await Api.ReadAsync(response, HttpStatusCode.Created))["fileName"]!.GetValue<string>());
        }

        // A relief claim and a duty's report take several files at once.
        var right2 = await RightUnderContractAsync(factory, listing, holder);
        var resultsReport = Instance(right2, "results-report");
        factory.Clock.Set(TestClock.Shanghai(2025, 5, 10, 10));
        Part[] claim =
        [
            Part.Field("ground", "forceMajeure"), Part.Field("duties", resultsReport), Part.Field("periodFrom", "2025-05-05"), Part.Field("periodTo", "2025-08-02"),
            Part.Field("reason", "特大洪水冲毁进场道路，无法施工"),
        ];
        var claimUrl = $"/api/rights/{right2["id"]}/relief-claims";
        await AssertNulRefusedAsync(await holder.Client.PostAsync(claimUrl, Multipart([.. claim, Part.File("files", "灾情\0证明.pdf", Pdf)])), "files");
        var claimed = await Api.ReadAsync(await holder.Client.PostAsync(claimUrl, Multipart([.. claim, .. names.Select(n => Part.File("files", n, Pdf))])), HttpStatusCode.Created);
        labels.AddRange(claimed["journal"]![0]!["evidence"]!.AsArray().Select(e => e!["fileName"]!.GetValue<string>()));

        factory.Clock.Set(TestClock.Shanghai(2025, 6, 10, 10));
        Part[] report = [Part.Field("workStartedOn", "2025-06-01"), Part.Field("workDone", "槽探开工"), Part.Field("note", "开工报告")];
        var reportUrl = $"/api/workflows/instances/{Instance(right2, "exploration-work-start")}/signals/report";
        await AssertNulRefusedAsync(await holder.Client.PostAsync(reportUrl, Multipart([.. report, Part.File("files", "report.pdf\0.exe", Pdf)])), "files");
        var reported = await Api.ReadAsync(await holder.Client.PostAsync(reportUrl, Multipart([.. report, .. names.Select(n => Part.File("files", n, Pdf))])), HttpStatusCode.OK);
        labels.AddRange(reported["journal"]!.AsArray().Last()!["evidence"]!.AsArray().Select(e => e!["fileName"]!.GetValue<string>()));

        // A register import names its file in the report, and stores nothing under any name.
        var register = Imports.RegisterFile.Csv([Imports.RegisterFile.Row(1, marker)]);
        await AssertNulRefusedAsync(await listing.Authority.PostAsync("/api/imports?dryRun=true", Multipart([Part.File("file", "register\0.csv", register)])), "file");
        var importLabels = new List<string>();
        foreach (var name in names)
        {
            importLabels.Add((await Api.ReadAsync(await listing.Authority.PostAsync("/api/imports?dryRun=true", Multipart([Part.File("file", name, register)])), HttpStatusCode.OK))["fileName"]!.GetValue<string>());
        }

        Assert.All(importLabels, l => Assert.DoesNotContain('/', l));
        Assert.All(importLabels, l => Assert.Contains(marker, l, StringComparison.Ordinal));

        // Each name is kept as a label (its last segment), never as a place: every stored file is <owner>/<sha256>.<extension>
        // under the plans or evidence folder, and nothing called after a name exists anywhere it could have pointed to.
        Assert.Equal(names.Length * 3, labels.Count);
        Assert.All(labels, l => Assert.DoesNotContain('/', l));
        Assert.All(labels, l => Assert.Contains(marker, l, StringComparison.Ordinal));
        var stored = StoredFiles(factory).Select(f => Path.GetRelativePath(factory.DataDirectory, f)).Where(f => f.StartsWith("plans/", StringComparison.Ordinal) || f.StartsWith("evidence/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stored);
        Assert.All(stored, f => Assert.Matches(StoredName(), f));
        foreach (var folder in new[] { factory.DataDirectory, Path.GetDirectoryName(factory.DataDirectory)!, Path.GetTempPath(), "/tmp", Directory.GetCurrentDirectory() })
        {
            var options = new EnumerationOptions { RecurseSubdirectories = folder == factory.DataDirectory, IgnoreInaccessible = true };
            Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder, $"*{marker}*", options) : []);
        }
    }

    [Fact]
    public async Task Text_with_a_NUL_character_is_400_on_its_field_in_English_and_Chinese_and_nothing_is_written()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(right["id"]!.GetValue<string>())), HttpStatusCode.Created);
        var before = await TableRows.CountAsync(factory.Services);

        // Each would be taken without the NUL: a return with its reasons (through the API and the page), a filter, a sign-in, a new account.
        var decision = $"/api/rights/{right["id"]}/plans/{plan["id"]}/decision";
        await AssertNulRefusedAsync(await authority.PostAsync(decision, Json("""{"decision":"return","reasons":"图件不全\u0000"}""")), "reasons");
        await AssertNulRefusedAsync(await authority.GetAsync(new Uri("/api/rights?county=620923%00", UriKind.Relative)), "county");
        await AssertNulRefusedAsync(await factory.CreateClient().PostAsync("/api/auth/login", Json($$"""{"userName":"admin\u0000","password":"{{ServiceFactory.Password}}"}""")), "userName");
        var userName = $"nul-{Guid.NewGuid():N}"[..20];
        var account = $$"""{"userName":"{{userName}}","password":"{{ServiceFactory.Password}}","role":"Authority","email":"{{userName}}@officers.test","displayName":"Of\u0000ficer","language":"en","jurisdictionCode":"620000"}""";
        await AssertNulRefusedAsync(await (await api.AdminAsync()).PostAsync("/api/accounts", Json(account)), "displayName");

        // A page's multipart form as well: the return posted from the right's page by a signed-in officer of the province.
        var officer = $"page-{Guid.NewGuid():N}"[..20];
        await Api.ReadAsync(await (await api.AdminAsync()).PostAsJsonAsync("/api/accounts", new
        {
            userName = officer, password = ServiceFactory.Password, role = "Authority", email = $"{officer}@officers.test", language = "en", jurisdictionCode = "620000",
        }), HttpStatusCode.Created);
        before = await TableRows.CountAsync(factory.Services);
        var browser = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = officer, password = ServiceFactory.Password })).StatusCode);
        var token = Regex.Match(await browser.GetStringAsync("/sign-in"), @"name=""__RequestVerificationToken"" type=""hidden"" value=""(?<value>[^""]+)""").Groups["value"].Value;
        using var pageForm = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(plan["id"]!.GetValue<string>()), "planId" },
            { new StringContent("return"), "decision" },
            { new StringContent("图件不全\0"), "reasons" },
        };
        await AssertNulRefusedAsync(await browser.PostAsync($"/rights/{right["id"]}?handler=Decide", pageForm), "reasons");

        Assert.Equal(before, await TableRows.CountAsync(factory.Services));
        var plans = (await authority.GetFromJsonAsync<JsonArray>($"/api/rights/{right["id"]}/plans"))!;
        Assert.Equal("submitted", Assert.Single(plans)!["status"]!.GetValue<string>());
        await Api.ReadAsync(await authority.PostAsJsonAsync(decision, new { decision = "return", reasons = "图件不全", formalities = Formal.Of(factory.Clock, "GS-9d") }), HttpStatusCode.OK);
    }

    private static async Task AssertNulRefusedAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        var error = ProblemAssert.Errors(problem, field)[field]![0]!.GetValue<string>();
        Assert.Contains("NUL", error, StringComparison.Ordinal);
        Assert.Contains("空字符", problem["detailZh"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0000", problem.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>A right registered on 24 March 2025 from a listed block, under a contract whose results report is due on <paramref name="reportDue"/>.</summary>
    private static async Task<JsonObject> RightUnderContractAsync(ServiceFactory factory, ListingWorld listing, TestHolder holder, string reportDue = "2025-06-01")
    {
        var blockId = await listing.PlannedBlockAsync(2025);
        await Api.ReadAsync(await listing.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/listing", new { method = "listing", reservePrice = 100_000m }), HttpStatusCode.OK);
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 3, 24, 9));
        await Api.ReadAsync(await listing.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/transaction", new { holderId = holder.Id, price = 100_000m }), HttpStatusCode.OK);
        var contract = await Api.ReadAsync(await listing.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/contract", new
        {
            number = "CT-" + Guid.NewGuid().ToString("N")[..8],
            collection = "amount",
            totalIncome = 100_000m,
            installments = new[] { new { dueOn = "2025-04-10", amount = 100_000m } },
            clauses = new[] { new { number = "第十条", kind = "resultsReport", textZh = "提交阶段勘查成果报告", textEn = "Submit the interim results report", dueOn = reportDue } },
        }), HttpStatusCode.Created);
        await Api.ReadAsync(await listing.Authority.PostAsJsonAsync($"/api/contracts/{contract["id"]}/payments",
            new { installment = 1, amount = 100_000m, paidOn = "2025-03-24", reference = "P-1" }), HttpStatusCode.OK);
        var right = await Api.ReadAsync(await listing.Authority.PostAsJsonAsync($"/api/blocks/{blockId}/registration",
            new { licenseNumber = Api.NewLicenseNumber("T"), expiresOn = "2028-03-23" }), HttpStatusCode.Created);
        right["contractId"] = contract["id"]!.GetValue<string>();
        return right;
    }

    private static string Instance(JsonObject right, string definition) =>
        right["workflows"]!.AsArray().Select(w => w!.AsObject()).First(w => w["definitionId"]!.GetValue<string>() == definition)["instanceId"]!.GetValue<string>();

    [GeneratedRegex(@"^(plans|evidence)/[0-9a-f]{32}/[0-9a-f]{64}\.(pdf|doc|docx|ofd|zip|jpg|jpeg|png)$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredName();

    /// <summary>
    /// Whether the operation checks the caller's own password: a wrong one counts towards the caller's lockout, as it
    /// should, so such an operation is called by an account of its own rather than lock out the one the others use.
    /// </summary>
    private static bool ChecksPassword(JsonNode document, Operation operation) =>
        operation.Role != World.Anonymous
        && operation.Node["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema
        && Shape.Of(document, schema).Properties is { } properties
        && properties.Any(p => p.Key.Contains("password", StringComparison.OrdinalIgnoreCase));

    /// <summary>Why the answer is wrong, or null when it is what bad input must get.</summary>
    private static string? Judge(Variant variant, HttpResponseMessage response, int status, string body)
    {
        if (status < 300 && variant.MayBeAnswered)
        {
            return null;
        }

        if (status is < 400 or >= 500)
        {
            return "not a 4xx";
        }

        if (variant.Expected is { } expected && status != expected)
        {
            return $"not {expected}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return "not a ProblemDetails";
        }

        if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains(".cs:line", StringComparison.Ordinal))
        {
            return "a stack trace";
        }

        if (DotNetName().Match(body) is { Success: true } name)
        {
            return $"names '{name.Value}'";
        }

        JsonObject problem;
        try
        {
            problem = JsonNode.Parse(body)!.AsObject();
        }
        catch (System.Text.Json.JsonException)
        {
            return "a ProblemDetails that is not JSON";
        }

        if (problem["status"]?.GetValue<int>() != status)
        {
            return "a ProblemDetails whose status is not the answer's";
        }

        var hasDetail = problem["detail"] is JsonValue detail && !string.IsNullOrWhiteSpace(detail.GetValue<string>());
        return hasDetail || problem["errors"] is JsonObject { Count: > 0 } ? null : "a ProblemDetails that says neither a detail nor field errors";
    }

    private static string Cut(string body) => body.Length <= 400 ? body : body[..400] + "…";

    /// <summary>Every file under the data folder: a refused upload leaves none behind, wherever its name pointed.</summary>
    private static string[] StoredFiles(ServiceFactory factory) =>
        Directory.Exists(factory.DataDirectory)
            ? Directory.GetFiles(factory.DataDirectory, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith("miningrights.db", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>Each operation of the document with the role to call it as, read from its endpoint's authorization.</summary>
    private static IEnumerable<Operation> Operations(JsonNode document, IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Key: $"{m} {Normalise(e.RoutePattern.RawText!)}", Endpoint: e)))
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Endpoint, StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                var key = $"{method.ToUpperInvariant()} {path}";
                Assert.True(endpoints.TryGetValue(key, out var endpoint), $"{key} is in the document but no endpoint serves it");
                yield return new Operation(method.ToUpperInvariant(), path, node!["operationId"]!.GetValue<string>(), node!, RoleFor(endpoint!));
            }
        }
    }

    private static string RoleFor(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return World.Anonymous;
        }

        var allowed = RolePreference.AsEnumerable();
        foreach (var roles in endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<RolesAuthorizationRequirement>())
        {
            allowed = allowed.Intersect(roles.AllowedRoles, StringComparer.Ordinal);
        }

        foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Where(d => !string.IsNullOrEmpty(d.Roles)))
        {
            allowed = allowed.Intersect(data.Roles!.Split(',', StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        }

        return allowed.FirstOrDefault() ?? throw new Xunit.Sdk.XunitException($"{endpoint.RoutePattern.RawText} admits none of {string.Join(", ", RolePreference)}");
    }

    /// <summary><c>/api/rights/{rightId:guid}/plans/</c> as the document writes it: <c>/api/rights/{rightId}/plans</c>.</summary>
    private static string Normalise(string route) => "/" + RouteConstraint().Replace(route, "{$1}").Trim('/');

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PathParameter();

    /// <summary>Namespaces, exception and framework type names a client has no business seeing.</summary>
    [GeneratedRegex(@"System\.|Microsoft\.|MiningRights\.|Npgsql|SqliteException|Exception\b|Exception:|Nullable`|\bInt32\b|\bInt64\b|\bDecimal\b|\bDateOnly\b|\bDateTimeOffset\b|\bGuid\b|String\[\]", RegexOptions.CultureInvariant)]
    private static partial Regex DotNetName();

    private sealed record Operation(string Method, string Path, string Id, JsonNode Node, string Role)
    {
        public override string ToString() => $"{Method} {Path} ({Id})";
    }

    /// <summary>
    /// One request of bad input. <paramref name="Expected"/> is the one status it must get where there is one (413 for a
    /// body past the JSON limit); <paramref name="MayBeAnswered"/> marks a free-text filter of a read, which may well
    /// find nothing and say so with a 200.
    /// </summary>
    private sealed record Variant(string What, Func<HttpRequestMessage> Request, int? Expected = null, bool MayBeAnswered = false);

    /// <summary>What a schema describes, with the <c>null</c> of optional members and the <c>$ref</c>s set aside.</summary>
    private sealed record Shape(string Type, string? Format, IReadOnlyList<string> Enum, JsonNode? Items, JsonObject? Properties)
    {
        public bool IsText => Type == "string" && Enum.Count == 0 && Format is null;

        public static Shape Of(JsonNode document, JsonNode schema)
        {
            schema = Resolve(document, schema);
            if (schema["oneOf"] is JsonArray choices)
            {
                schema = Resolve(document, choices.First(c => !(c!["type"] is JsonValue t && t.GetValue<string>() == "null"))!);
            }

            var values = (schema["enum"] as JsonArray)?.Where(v => v is not null).Select(v => v!.GetValue<string>()).ToList() ?? [];
            var type = schema["type"] switch
            {
                JsonValue single => single.GetValue<string>(),
                JsonArray many => many.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
                _ => values.Count > 0 ? "string" : "object",
            };
            return new Shape(type, schema["format"]?.GetValue<string>(), values, schema["items"], schema["properties"] as JsonObject);
        }

        private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
            schema["$ref"]?.GetValue<string>() is { } reference ? document["components"]!["schemas"]![reference.Split('/')[^1]]! : schema;
    }

    /// <summary>The bad input for one operation, built from its parameters and its request bodies.</summary>
    private sealed class Generator(JsonNode document, Operation operation, World world)
    {
        public IEnumerable<Variant> Variants()
        {
            var parameters = operation.Node["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
            var content = operation.Node["requestBody"]?["content"]?.AsObject();
            var json = content?["application/json"]?["schema"];
            var form = content?["multipart/form-data"]?["schema"];

            // Parameters travel with the request body the operation would take anyway, so only the parameter is wrong.
            Func<HttpContent?> body = json is not null ? () => Json(Placeholder(Shape.Of(document, json), "body").ToJsonString())
                : form is not null ? () => Multipart(BaseParts(Shape.Of(document, form)))
                : () => null;
            foreach (var parameter in parameters.Where(p => p["in"]!.GetValue<string>() == "path"))
            {
                var name = parameter["name"]!.GetValue<string>();
                foreach (var (what, value) in PathValues(Shape.Of(document, parameter["schema"]!)))
                {
                    yield return new Variant($"path {name} = {what}", () => Request(Url((name, value)), body()));
                }
            }

            foreach (var parameter in parameters.Where(p => p["in"]!.GetValue<string>() == "query"))
            {
                var name = parameter["name"]!.GetValue<string>();
                var shape = Shape.Of(document, parameter["schema"]!);
                foreach (var (what, value, wellFormed) in QueryValues(shape))
                {
                    yield return new Variant($"query {name} = {what}", () => Request(Url() + $"?{name}={value}", body()),
                        MayBeAnswered: operation.Method == "GET" && wellFormed);
                }

                yield return new Variant($"query {name} given twice", () => Request(Url() + $"?{name}={FirstValue(shape)}&{name}={FirstValue(shape)}", body()),
                    MayBeAnswered: operation.Method == "GET");
            }

            if (json is not null)
            {
                foreach (var variant in JsonVariants(Shape.Of(document, json)))
                {
                    yield return variant;
                }
            }

            if (form is not null)
            {
                foreach (var variant in FormVariants(Shape.Of(document, form)))
                {
                    yield return variant;
                }
            }
        }

        private IEnumerable<Variant> JsonVariants(Shape shape)
        {
            var valid = Placeholder(shape, "body");
            var text = valid.ToJsonString();
            (string What, string Body, string? ContentType)[] malformed =
            [
                ("an empty body", string.Empty, "application/json"),
                ("a body cut in half", text[..(text.Length / 2)], "application/json"),
                ("a body that is not JSON", "this is not JSON", "application/json"),
                ("a JSON array for the object", "[" + text + "]", "application/json"),
                ("a JSON number for the object", "42", "application/json"),
                ("a JSON string for the object", "\"text\"", "application/json"),
                ("JSON null for the object", "null", "application/json"),
                ("two JSON documents", text + text, "application/json"),
                ("a trailing comma", text[..^1] + ",}", "application/json"),
                ("single quotes", text.Replace('"', '\''), "application/json"),
                ("a comment", "/* comment */" + text, "application/json"),
                ("arrays nested 10000 deep", new string('[', 10_000) + new string(']', 10_000), "application/json"),
                ("an unknown property", text[..^1] + (text.Length > 2 ? "," : string.Empty) + "\"zzUnknown\":1}", "application/json"),
                ("the body as text/plain", text, "text/plain"),
                ("the body without a content type", text, null),
                ("the body as XML", "<request><name>x</name></request>", "application/xml"),
                ("a URL-encoded form", "a=b&c=d", "application/x-www-form-urlencoded"),
            ];
            foreach (var (what, body, contentType) in malformed)
            {
                yield return new Variant(what, () => Request(Url(), Raw(Encoding.UTF8.GetBytes(body), contentType)));
            }

            yield return new Variant("bytes that are not UTF-8", () => Request(Url(), Raw([.. "{\"x\":\""u8, 0xFF, 0xFE, 0xC3, .. "\"}"u8], "application/json")));

            foreach (var (path, what, raw) in Mutations(shape, "body", []))
            {
                yield return new Variant($"{Show(path)} = {what}", () => Request(Url(), Json(With(valid, path, raw))));
            }

            // One 10 MB string per operation, in its first string member: the JSON limit refuses it before anyone reads it.
            if (shape.Properties is { Count: > 0 } properties)
            {
                var first = properties.FirstOrDefault(p => Shape.Of(document, p.Value!).Type == "string").Key ?? properties.First().Key;
                yield return new Variant($"{first} = a 10 MB string", () => Request(Url(), Json(With(valid, [first], "\"" + TenMegabytes + "\""))), Expected: 413);
            }
        }

        private IEnumerable<Variant> FormVariants(Shape shape)
        {
            var parts = BaseParts(shape);
            var body = MultipartBytes(parts);
            var closing = Encoding.ASCII.GetBytes($"--{Boundary}--\r\n");
            var longBoundary = new string('b', 200);
            (string What, byte[] Body, string ContentType)[] broken =
            [
                ("a boundary the body does not use", body, "multipart/form-data; boundary=another-boundary"),
                ("no boundary", body, "multipart/form-data"),
                ("a boundary of 200 characters", Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(body).Replace(Boundary, longBoundary, StringComparison.Ordinal)), $"multipart/form-data; boundary={longBoundary}"),
                ("a body cut off in its first part", body[..Math.Min(body.Length, 120)], $"multipart/form-data; boundary={Boundary}"),
                ("no closing boundary", body[..^closing.Length], $"multipart/form-data; boundary={Boundary}"),
                ("an empty body", [], $"multipart/form-data; boundary={Boundary}"),
                ("no parts at all", closing, $"multipart/form-data; boundary={Boundary}"),
                ("a part without Content-Disposition", [.. Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Type: text/plain\r\n\r\nx\r\n"), .. closing], $"multipart/form-data; boundary={Boundary}"),
                ("a part header of 20 KB", [.. Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\nX-Pad: {new string('p', 20_000)}\r\n\r\nx\r\n"), .. closing], $"multipart/form-data; boundary={Boundary}"),
                ("JSON sent as multipart", "{}"u8.ToArray(), $"multipart/form-data; boundary={Boundary}"),
                ("the form as text/plain", body, "text/plain"),
                ("the form as multipart/mixed", body, $"multipart/mixed; boundary={Boundary}"),
            ];
            foreach (var (what, bytes, contentType) in broken)
            {
                yield return new Variant(what, () => Request(Url(), Raw(bytes, contentType)));
            }

            yield return new Variant("41 fields", () => Request(Url(), Multipart([.. parts, .. Enumerable.Range(1, 41).Select(i => Part.Field($"extra{i}", "x"))])));
            yield return new Variant("a field the form does not have", () => Request(Url(), Multipart([.. parts, Part.Field("zzUnknown", "x")])));

            var files = parts.Where(p => p.FileName is not null).ToList();
            if (files.Count > 0)
            {
                var file = files[0];
                var others = parts.Where(p => p != file).ToList();
                (string What, Part Part)[] badFiles =
                [
                    ("an empty file", file with { Content = [] }),
                    ("an executable named .pdf", file with { Content = "MZ\x90\0 an executable"u8.ToArray() }),
                    ("a web page named .pdf", file with { Content = "<html><script>alert(1)</script></html>"u8.ToArray() }),
                    ("a file named ../../etc/passwd", file with { FileName = "../../etc/passwd" }),
                    ("a file named ../../../hostile.pdf", file with { FileName = "../../../hostile.pdf" }),
                    ("a file named /etc/hostile.pdf", file with { FileName = "/etc/hostile.pdf" }),
                    ("a file named C:\\Windows\\hostile.pdf", file with { FileName = "C:\\Windows\\hostile.pdf" }),
                    ("a file name with a NUL character", file with { FileName = "plan\0.exe.pdf" }),
                    ("a file name of 300 characters", file with { FileName = new string('n', 296) + ".pdf" }),
                    ("a file without a name", file with { FileName = string.Empty }),
                    ("the file in a field the form does not have", file with { Name = "attachment" }),
                ];
                yield return new Variant("no file", () => Request(Url(), Multipart(others)));
                foreach (var (what, part) in badFiles)
                {
                    yield return new Variant(what, () => Request(Url(), Multipart([.. others, part])));
                }
            }

            foreach (var (name, member) in shape.Properties ?? [])
            {
                var field = Shape.Of(document, member!);
                if (field.Format == "binary" || (field.Type == "array" && field.Items is { } items && Shape.Of(document, items).Format == "binary"))
                {
                    continue;
                }

                var others = parts.Where(p => p.Name != name).ToList();
                foreach (var (what, value) in TextValues(field.Type == "array" && field.Items is { } item ? Shape.Of(document, item) : field))
                {
                    yield return new Variant($"field {name} = {what}", () => Request(Url(), Multipart([.. others, Part.Field(name, value)])));
                }
            }

            if (FirstText(shape) is { } first)
            {
                yield return new Variant($"field {first} = a 10 MB string", () => Request(Url(), Multipart([.. parts.Where(p => p.Name != first), Part.Field(first, TenMegabytes)])));
            }
        }

        private string? FirstText(Shape shape) =>
            (shape.Properties ?? []).FirstOrDefault(p => Shape.Of(document, p.Value!) is { Type: "string", Format: not "binary" }).Key;

        /// <summary>The form a client would send, with placeholder values: a small PDF in each file field.</summary>
        private List<Part> BaseParts(Shape shape)
        {
            var parts = new List<Part>();
            foreach (var (name, member) in shape.Properties ?? [])
            {
                var field = Shape.Of(document, member!);
                if (field.Format == "binary")
                {
                    parts.Add(Part.File(name, "document.pdf", Pdf));
                }
                else if (field.Type == "array" && field.Items is { } items && Shape.Of(document, items) is var item)
                {
                    parts.Add(item.Format == "binary" ? Part.File(name, "document.pdf", Pdf) : Part.Field(name, FirstValue(item)));
                }
                else
                {
                    parts.Add(Part.Field(name, FirstValue(field)));
                }
            }

            return parts;
        }

        /// <summary>Each member of the body, at any depth, set in turn to each value that is wrong for it.</summary>
        private IEnumerable<(IReadOnlyList<object> Path, string What, string Raw)> Mutations(Shape shape, string name, IReadOnlyList<object> path)
        {
            if (path.Count > 0)
            {
                foreach (var (what, raw) in WrongValues(shape, name))
                {
                    yield return (path, what, raw);
                }
            }

            if (shape.Type == "object")
            {
                foreach (var (member, schema) in shape.Properties ?? [])
                {
                    foreach (var mutation in Mutations(Shape.Of(document, schema!), member, [.. path, member]))
                    {
                        yield return mutation;
                    }
                }
            }
            else if (shape.Type == "array" && shape.Items is { } items && Shape.Of(document, items) is { } item && !IsGeometry(name, shape))
            {
                foreach (var mutation in item.Type == "object" ? Mutations(item, name, [.. path, 0]) : WrongValues(item, name).Select(w => ((IReadOnlyList<object>)[.. path, 0], w.What, w.Raw)))
                {
                    yield return mutation;
                }
            }
        }

        private bool IsGeometry(string name, Shape shape) =>
            GeometryName().IsMatch(name)
            || (shape.Type == "array" && shape.Items is { } items && Shape.Of(document, items) is { Type: "array", Items: { } inner } && Shape.Of(document, inner).Type == "number");

        private IEnumerable<(string What, string Raw)> WrongValues(Shape shape, string name)
        {
            (string What, string Raw, string Type)[] otherTypes =
            [
                ("a string", "\"text\"", "string"),
                ("a number", "12345", "number"),
                ("true", "true", "boolean"),
                ("an object", "{\"a\":1}", "object"),
                ("an array", "[\"a\"]", "array"),
            ];
            var own = shape.Type == "integer" ? "number" : shape.Type;
            foreach (var (what, raw, _) in otherTypes.Where(t => t.Type != own))
            {
                yield return (what, raw);
            }

            yield return ("null", "null");
            var specific = shape switch
            {
                { Enum.Count: > 0 } => EnumNames(shape),
                { Format: "date" } => Dates(),
                { Format: "date-time" } => Moments(),
                { Format: "uuid" } => Ids(),
                { Type: "integer" } => Integers(),
                { Type: "number" } => Numbers(),
                { Type: "boolean" } => Booleans(),
                { Type: "string" } => Texts(),
                { Type: "array" } when IsGeometry(name, shape) => Geometry(),
                { Type: "array" } => Arrays(),
                { Type: "object" } => Objects(),
                _ => [],
            };
            foreach (var value in specific)
            {
                yield return value;
            }
        }

        private static IEnumerable<(string, string)> EnumNames(Shape shape) =>
        [
            ("a name not in the enum", "\"notAValue\""), ("the enum's number", "0"),
            ("an empty name", "\"\""), ("two names joined", $"\"{string.Join(",", shape.Enum)}\""),
        ];

        private static IEnumerable<(string, string)> Dates() =>
        [
            ("month 13, day 40", "\"2025-13-40\""), ("0000-00-00", "\"0000-00-00\""), ("year 99999", "\"99999-01-01\""), ("29 February of a common year", "\"2025-02-29\""),
            ("the first day there is", "\"0001-01-01\""), ("the last day there is", "\"9999-12-31\""), ("a date and time", "\"2025-03-01T10:00:00Z\""),
            ("a date written d.M.yyyy", "\"1.3.2025\""), ("an empty date", "\"\""),
        ];

        private static IEnumerable<(string, string)> Moments() =>
        [
            ("month 13, day 40, 25:61", "\"2025-13-40T25:61:00Z\""), ("year 99999", "\"99999-01-01T00:00:00Z\""),
            ("the first moment, east of UTC", "\"0001-01-01T00:00:00+14:00\""), ("the last moment, west of UTC", "\"9999-12-31T23:59:59-14:00\""),
            ("the first moment there is", "\"0001-01-01T00:00:00Z\""), ("the last moment there is", "\"9999-12-31T23:59:59Z\""), ("a word", "\"yesterday\""),
        ];

        private static IEnumerable<(string, string)> Ids() =>
        [
            ("not a GUID", "\"not-a-guid\""), ("the zero GUID", "\"00000000-0000-0000-0000-000000000000\""), ("an unknown id", $"\"{Guid.NewGuid()}\""),
            ("a GUID with one digit too many", $"\"{Guid.NewGuid()}0\""),
        ];

        private static IEnumerable<(string, string)> Integers() =>
        [
            ("1e309", "1e309"), ("one past Int32", "2147483648"), ("one below Int32", "-2147483649"), ("past Int64", "9223372036854775808"),
            ("the largest Int32", "2147483647"), ("the smallest Int32", "-2147483648"), ("0", "0"), ("a fraction", "1.5"),
            ("\"NaN\"", "\"NaN\""), ("\"Infinity\"", "\"Infinity\""), ("a bare NaN", "NaN"), ("digits and letters", "\"12abc\""),
        ];

        private static IEnumerable<(string, string)> Numbers() =>
        [
            ("1e309", "1e309"), ("-1e309", "-1e309"), ("the largest double", "1.7976931348623157e308"), ("the smallest double", "-1.7976931348623157e308"),
            ("one past the largest decimal", "79228162514264337593543950336"), ("the largest decimal", "79228162514264337593543950335"),
            ("the smallest decimal", "-79228162514264337593543950335"), ("1e-400", "1e-400"), ("28 decimal places", "0.0000000000000000000000000001"),
            ("0", "0"), ("\"NaN\"", "\"NaN\""), ("\"-Infinity\"", "\"-Infinity\""), ("a bare NaN", "NaN"), ("a bare Infinity", "Infinity"),
        ];

        private static IEnumerable<(string, string)> Booleans() => [("\"true\"", "\"true\""), ("1", "1"), ("\"yes\"", "\"yes\"")];

        private static IEnumerable<(string, string)> Texts() =>
        [
            ("an empty string", "\"\""), ("blanks", "\"   \""), ("a NUL character", "\"x\\u0000y\""), ("a lone surrogate", "\"\\ud800\""),
            ("control characters", "\"\\u0001\\u001b[31m\""), ("markup", "\"<script>alert(1)</script>\""), ("SQL", "\"' OR '1'='1'; --\""),
            ("3000 characters", "\"" + new string('t', 3000) + "\""),
        ];

        private static IEnumerable<(string, string)> Geometry() =>
        [
            ("longitudes past 180", "[[181,30],[181.1,30],[181.1,30.1],[181,30]]"),
            ("latitudes past 90", "[[100,91],[100.1,91],[100.1,91.1],[100,91]]"),
            ("longitudes past -180", "[[-181,30],[-180.9,30],[-180.9,30.1],[-181,30]]"),
            ("a ring that is not closed", "[[100,30],[100.1,30],[100.1,30.1],[100,30.1]]"),
            ("NaN coordinates", "[[\"NaN\",\"NaN\"],[\"NaN\",30],[100,\"NaN\"],[\"NaN\",\"NaN\"]]"),
            ("infinite coordinates", "[[\"Infinity\",30],[100.1,30],[100.1,30.1],[\"Infinity\",30]]"),
            ("coordinates of 1e308", "[[1e308,1e308],[-1e308,1e308],[-1e308,-1e308],[1e308,1e308]]"),
            ("a coordinate of 1e309", "[[1e309,30],[100.1,30],[100.1,30.1],[1e309,30]]"),
            ("a bow tie", "[[100,30],[100.1,30.1],[100.1,30],[100,30.1],[100,30]]"),
            ("corners on one line", "[[100,30],[100.1,30],[100.2,30],[100,30]]"),
            ("a single corner", "[[100,30]]"),
            ("corners of one number", "[[100],[100.1],[100.2],[100]]"),
            ("corners of three numbers", "[[100,30,5],[100.1,30,5],[100.1,30.1,5],[100,30,5]]"),
            ("empty corners", "[[],[],[],[]]"),
            ("null corners", "[[null,null],[null,null],[null,null],[null,null]]"),
            ("no corners", "[]"),
            ("5000 corners", "[" + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"[{100 + (i * 0.00001).ToString(CultureInfo.InvariantCulture)},30]")) + "]"),
        ];

        private static IEnumerable<(string, string)> Arrays() =>
            [("an empty array", "[]"), ("an array of null", "[null]"), ("20000 items", "[" + string.Join(",", Enumerable.Repeat("\"a\"", 20_000)) + "]")];

        private static IEnumerable<(string, string)> Objects() =>
        [
            ("objects nested 100 deep", string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)),
            ("a member with an empty name", "{\"\":1}"), ("a member of 1e309", "{\"x\":1e309}"), ("a member that is an array", "{\"x\":[1,2]}"),
        ];

        /// <summary>A wrong value for a path parameter, written as it goes in the URL.</summary>
        private static IEnumerable<(string What, string Value)> PathValues(Shape shape)
        {
            // No %00: Kestrel refuses a NUL in the path itself, before the service sees the request (the test host throws instead).
            var common = new[]
            {
                ("8000 characters", new string('p', 8000)), ("an encoded path traversal", "..%2F..%2Fetc%2Fpasswd"),
                ("broken percent-encoding", "%E0%A4%A"), ("bytes that are not UTF-8", "%FF%FE"),
            };
            return shape switch
            {
                { Format: "uuid" } => [("not a GUID", "not-a-guid"), ("the zero GUID", Guid.Empty.ToString()), ("an unknown id", Guid.NewGuid().ToString()), ("a GUID in braces", $"%7B{Guid.NewGuid()}%7D"), .. common],
                { Type: "integer" } => [("not a number", "abc"), ("past Int32", "99999999999"), ("-1", "-1"), ("1e309", "1e309"), .. common],
                _ => [("an unknown name", "no-such-thing"), ("a space", "a%20b"), .. common],
            };
        }

        /// <summary>
        /// A wrong value for a query parameter, written as it goes in the URL. A well-formed one (an id nobody has, text,
        /// a number of the right kind) may be a filter that finds nothing, which a read answers with an empty page.
        /// </summary>
        private static IEnumerable<(string What, string Value, bool WellFormed)> QueryValues(Shape shape)
        {
            (string, string, bool)[] malformed = [("a NUL character", "%00", false), ("bytes that are not UTF-8", "%FF%FE", false), ("3000 characters", new string('q', 3000), false)];
            return shape switch
            {
                { Format: "uuid" } => [("not a GUID", "not-a-guid", false), ("an unknown id", Guid.NewGuid().ToString(), true), .. malformed],
                { Type: "integer" } => [("not a number", "abc", false), ("past Int32", "99999999999", false), ("-1", "-1", true), ("0", "0", true), ("1e309", "1e309", false), ("NaN", "NaN", false), .. malformed],
                { Type: "boolean" } => [("neither true nor false", "maybe", false), ("2", "2", false), .. malformed],
                _ => [("SQL", "%27%20OR%20%271%27%3D%271", true), ("an encoded path traversal", "..%2F..%2Fetc%2Fpasswd", true), ("markup", "%3Cscript%3E", true),
                    ("a NUL character", "%00", true), ("bytes that are not UTF-8", "%FF%FE", true), ("3000 characters", new string('q', 3000), true)],
            };
        }

        /// <summary>A wrong value for a form field, as the text the field carries.</summary>
        private static IEnumerable<(string What, string Value)> TextValues(Shape shape)
        {
            var common = new[] { ("an empty value", string.Empty), ("a NUL character", "x\0y"), ("5000 characters", new string('f', 5000)) };
            return shape switch
            {
                { Enum.Count: > 0 } => [("a name not in the enum", "notAValue"), ("the enum's number", "0"), .. common],
                { Format: "date" } => [("month 13, day 40", "2025-13-40"), ("0000-00-00", "0000-00-00"), ("year 99999", "99999-01-01"), ("the first day there is", "0001-01-01"), ("the last day there is", "9999-12-31"), .. common],
                { Format: "uuid" } => [("not a GUID", "not-a-guid"), ("an unknown id", Guid.NewGuid().ToString()), ("ids and commas", ",,,"), .. common],
                { Type: "integer" } => [("not a number", "abc"), ("past Int32", "99999999999"), ("-1", "-1"), ("0", "0"), ("1e309", "1e309"), ("a fraction", "1.5"), .. common],
                { Type: "number" } => [("not a number", "abc"), ("NaN", "NaN"), ("Infinity", "Infinity"), ("1e309", "1e309"), ("-1", "-1"), ("past the largest decimal", "79228162514264337593543950336"), .. common],
                _ => [("control characters", "\u0001\u001b[31m"), ("markup", "<script>alert(1)</script>"), .. common],
            };
        }

        private static string FirstValue(Shape shape) => shape switch
        {
            { Enum.Count: > 0 } => shape.Enum[0],
            { Format: "date" } => "2025-03-01",
            { Format: "uuid" } => Guid.NewGuid().ToString(),
            { Type: "integer" or "number" } => "1",
            { Type: "boolean" } => "false",
            _ => "x",
        };

        /// <summary>
        /// A body of the schema's shape with a plausible value in every member: ids that nobody has, codes of the
        /// jurisdiction the caller serves, "x" for text, -1 for every number (no count, amount, year or price is
        /// negative). Such a body is refused for what it says, so changing one member of it never makes it one that is
        /// written; where it would be, the world's thing it names is past the step (a plan already decided).
        /// </summary>
        private JsonNode Placeholder(Shape shape, string name) => shape switch
        {
            { Enum.Count: > 0 } => JsonValue.Create(shape.Enum[0])!,
            { Format: "date" } => JsonValue.Create("2025-03-01")!,
            { Format: "date-time" } => JsonValue.Create("2025-03-01T10:00:00+08:00")!,
            { Format: "uuid" } => JsonValue.Create(Guid.NewGuid())!,
            { Type: "integer" or "number" } => JsonValue.Create(-1)!,
            { Type: "boolean" } => JsonValue.Create(false)!,
            { Type: "string" } when name.Contains("county", StringComparison.OrdinalIgnoreCase) => JsonValue.Create("620923")!,
            { Type: "string" } when name.EndsWith("authorityCode", StringComparison.OrdinalIgnoreCase) || name.EndsWith("jurisdictionCode", StringComparison.OrdinalIgnoreCase) => JsonValue.Create("620000")!,
            { Type: "string" } when name == "minerals" => JsonValue.Create("金")!,
            { Type: "string" } => JsonValue.Create("x")!,
            { Type: "array" } => new JsonArray(shape.Items is { } items ? Placeholder(Shape.Of(document, items), name) : JsonValue.Create("x")),
            _ => new JsonObject((shape.Properties ?? []).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Placeholder(Shape.Of(document, p.Value!), p.Key)))),
        };

        private static string With(JsonNode valid, IReadOnlyList<object> path, string raw)
        {
            var body = valid.DeepClone();
            var at = body;
            for (var i = 0; i < path.Count - 1; i++)
            {
                at = path[i] is int index ? at[index]! : at[(string)path[i]]!;
            }

            if (path[^1] is int last)
            {
                at[last] = Sentinel;
            }
            else
            {
                at[(string)path[^1]] = Sentinel;
            }

            return body.ToJsonString().Replace($"\"{Sentinel}\"", raw, StringComparison.Ordinal);
        }

        private static string Show(IReadOnlyList<object> path) => string.Concat(path.Select((p, i) => p is int n ? $"[{n}]" : i == 0 ? (string)p : "." + p));

        /// <summary>The operation's URL with its path parameters filled with ids of the world, but <paramref name="hostile"/>.</summary>
        private string Url((string Name, string Value)? hostile = null) =>
            PathParameter().Replace(operation.Path, m => m.Groups[1].Value == hostile?.Name ? hostile.Value.Value : Uri.EscapeDataString(world.PathValue(operation.Path, m.Groups[1].Value)));

        private HttpRequestMessage Request(string url, HttpContent? content) =>
            new(new HttpMethod(operation.Method), url) { Content = content };

    }

    private static ByteArrayContent Json(string text) => Raw(Encoding.UTF8.GetBytes(text), "application/json");

    private static ByteArrayContent Raw(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    /// <summary>A multipart form written byte by byte, so that file names reach the service exactly as given.</summary>
    private static ByteArrayContent Multipart(IEnumerable<Part> parts) => Raw(MultipartBytes(parts), $"multipart/form-data; boundary={Boundary}");

    private static byte[] MultipartBytes(IEnumerable<Part> parts)
    {
        using var stream = new MemoryStream();
        foreach (var part in parts)
        {
            var disposition = part.FileName is null ? $"form-data; name=\"{part.Name}\"" : $"form-data; name=\"{part.Name}\"; filename=\"{part.FileName}\"";
            stream.Write(Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: {disposition}\r\n"));
            if (part.FileName is not null)
            {
                stream.Write("Content-Type: application/pdf\r\n"u8);
            }

            stream.Write("\r\n"u8);
            stream.Write(part.Content);
            stream.Write("\r\n"u8);
        }

        stream.Write(Encoding.ASCII.GetBytes($"--{Boundary}--\r\n"));
        return stream.ToArray();
    }

    private sealed record Part(string Name, string? FileName, byte[] Content)
    {
        public static Part Field(string name, string value) => new(name, null, Encoding.UTF8.GetBytes(value));

        public static Part File(string name, string fileName, byte[] content) => new(name, fileName, content);
    }

    [GeneratedRegex("corner|coord|polygon|geometr|ring|vertex|vertices", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GeometryName();

    /// <summary>
    /// Something of every kind an id in a path can name, made through the API before the counting starts: a right with
    /// its plan and deadlines, a right under a contract with its duties, a planned block, and a signed-in client per role.
    /// </summary>
    private sealed class World
    {
        public const string Anonymous = "Anonymous";

        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

        public HttpClient Client(string role, bool ownAccount = false) => _clients[ownAccount ? role + " (own account)" : role];

        public static async Task<World> StartAsync(ServiceFactory factory)
        {
            var listing = await ListingWorld.StartAsync(factory, "620000");
            var api = listing.Api;
            var holder = await api.HolderAsync("en");
            var world = new World();
            world._clients[Anonymous] = factory.CreateClient();
            world._clients["Authority"] = listing.Authority;
            world._clients["Admin"] = await api.AdminAsync();
            world._clients["Holder"] = holder.Client;
            world._clients["Inspector"] = await api.AccountAsync("Inspector", "620000");
            foreach (var role in RolePreference.Where(r => r != "Holder"))
            {
                world._clients[role + " (own account)"] = role == "Admin" ? await api.AccountAsync("Admin") : await api.AccountAsync(role, "620000");
            }

            world._clients["Holder (own account)"] = await api.AccountAsync("Holder", holderId: holder.Id);

            var right = await Api.ReadAsync(await listing.Authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
            var rightId = Guid.Parse(right["id"]!.GetValue<string>());
            var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId), HttpStatusCode.Created);

            // Decided already, so that a decision that reads well is refused for the plan's state, not written.
            await Api.ReadAsync(await listing.Authority.PostAsJsonAsync($"/api/rights/{rightId}/plans/{plan["id"]}/decision", new { decision = "approve" }), HttpStatusCode.OK);
            world._ids["right"] = rightId.ToString();
            world._ids["plan"] = plan["id"]!.GetValue<string>();
            world._ids["deadline"] = Api.LifecycleDeadlines(right)[0]["id"]!.GetValue<string>();
            world._ids["holder"] = holder.Id.ToString();

            // A right under a contract, registered from a listed block: its contract, its duties and a relief claim's ground.
            var underContract = await RightUnderContractAsync(factory, listing, holder, reportDue: "2027-12-31");
            world._ids["contract"] = underContract["contractId"]!.GetValue<string>();
            world._ids["contractRight"] = underContract["id"]!.GetValue<string>();
            world._ids["duty"] = underContract["workflows"]!.AsArray().Select(w => w!.AsObject())
                .First(w => w["definitionId"]!.GetValue<string>() == "exploration-work-start")["instanceId"]!.GetValue<string>();

            // A block of its own, planned and waiting for its listing, for the operations on blocks.
            world._ids["block"] = await listing.PlannedBlockAsync(2025);
            return world;
        }

        /// <summary>The value of a path parameter that names something of this world, or an id nobody has.</summary>
        public string PathValue(string path, string name)
        {
            var segments = path.Split('/');
            var before = segments[Array.FindIndex(segments, s => s.Contains($"{{{name}}}", StringComparison.Ordinal)) - 1];
            return (before, name) switch
            {
                (_, "planId") => _ids["plan"],
                ("rights", _) when path.EndsWith("/relief-claims", StringComparison.Ordinal) => _ids["contractRight"],
                ("rights", _) => _ids["right"],
                ("deadlines", _) => _ids["deadline"],
                ("blocks", _) => _ids["block"],
                ("contracts", _) => _ids["contract"],
                ("holders", _) => _ids["holder"],
                ("instances", _) => _ids["duty"],
                ("signals", _) => "report",
                ("definitions", _) => "exploration-work-start",
                (_, "version") => "1",
                ("parameters", _) => "620000",
                _ => Guid.NewGuid().ToString(),
            };
        }
    }
}
