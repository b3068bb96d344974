using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>Errors tell the user what to fix and nothing more: bounded bodies, short echoes, no .NET type names.</summary>
public sealed partial class HostileInputTests
{
    private static readonly DateOnly Registered = new(2025, 3, 1);

    [Fact]
    public async Task A_JSON_body_over_the_limit_is_413_saying_the_body_is_too_large_with_or_without_a_length()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var userName = $"huge-{Guid.NewGuid():N}"[..16];
        var body = Encoding.UTF8.GetBytes($$"""{"userName":"{{userName}}","password":"{{ServiceFactory.Password}}","role":"Admin","displayName":"{{new string('d', 10 * 1024 * 1024)}}"}""");

        using (var sized = new ByteArrayContent(body))
        {
            sized.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var problem = await ProblemAssert.ReadAsync(await admin.PostAsync("/api/accounts", sized), HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains("larger than the 1048576 bytes", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        }

        // Sent in chunks without a Content-Length, the body is measured as it arrives.
        using (var unsized = new UnsizedContent(body))
        {
            var problem = await ProblemAssert.ReadAsync(await admin.PostAsync("/api/accounts", unsized), HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains("too large", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await ProblemAssert.ReadAsync(await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password = ServiceFactory.Password }), HttpStatusCode.Unauthorized);

        // Under the limit, sent without a length as well, the body is read as usual.
        var small = Encoding.UTF8.GetBytes($$"""{"userName":"{{userName}}","password":"{{ServiceFactory.Password}}","role":"Admin","displayName":"Small"}""");
        using (var unsized = new UnsizedContent(small))
        {
            await Api.ReadAsync(await admin.PostAsync("/api/accounts", unsized), HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task A_plan_upload_is_bounded_by_the_upload_limit_not_by_the_JSON_limit()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10), settings: new Dictionary<string, string?> { ["Api:MaxJsonBodyBytes"] = "2048" });
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());

        var tooBig = RequestBody.Edit(Api.ExplorationRight(holder.Id, Registered), b => b["projectName"] = new string('p', 3000));
        await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync("/api/rights", tooBig), HttpStatusCode.RequestEntityTooLarge);

        var plan = new byte[64 * 1024];
        "%PDF-1.4"u8.CopyTo(plan);
        await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, plan), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_truncated_JSON_body_is_answered_as_malformed_JSON_and_not_as_an_unknown_property()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var client = factory.CreateClient();

        foreach (var truncated in new[] { """{"userName":"a","pass""", """{"userName":"a","pass":""", """{"userName":"a","pass":"x""", """{"userName":"a","pass":"x" """ })
        {
            var problem = await ProblemAssert.ReadAsync(await PostRawAsync(client, "/api/auth/login", truncated), HttpStatusCode.BadRequest);
            var detail = ProblemAssert.Detail(problem);
            Assert.True(detail.StartsWith("The body is not valid JSON", StringComparison.Ordinal), $"{truncated} → {detail}");
            Assert.DoesNotContain("property", detail, StringComparison.Ordinal);
        }

        // The same property in a complete body is what it is: a property the request does not know.
        var unknown = await ProblemAssert.ReadAsync(await PostRawAsync(client, "/api/auth/login", """{"userName":"a","pass":"x"}"""), HttpStatusCode.BadRequest);
        Assert.Contains("property 'pass'", ProblemAssert.Detail(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_echo_at_most_64_characters_of_a_value_and_never_name_a_NET_type()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());
        var huge = new string('x', 5000);

        var answers = new List<(string What, HttpResponseMessage Response)>
        {
            ("unknown property", await PostRawAsync(authority, "/api/rights", $$"""{"{{huge}}":1}""")),
            ("long county code", await authority.PostAsJsonAsync("/api/rights", RequestBody.Edit(Api.ExplorationRight(holder.Id, Registered), b => b["locationCountyCode"] = huge))),
            ("long deferral", await authority.PostAsJsonAsync("/api/rights", RequestBody.Edit(Api.ExplorationRight(holder.Id, Registered), b => b["deferral"] = huge))),
            ("long enum", await authority.PostAsJsonAsync("/api/rights", RequestBody.Edit(Api.ExplorationRight(holder.Id, Registered), b => b["kind"] = huge))),
            ("pageSize not a number", await authority.GetAsync("/api/rights?pageSize=abc")),
            ("pageSize too large", await authority.GetAsync("/api/rights?pageSize=99999999999")),
            ("long status filter", await authority.GetAsync($"/api/rights?status={huge[..3000]}")),
            ("days not a number", await authority.GetAsync($"/api/deadlines?withinDays={huge[..3000]}")),
            ("long path", await authority.GetAsync("/api/" + huge[..3000])),
            ("id not a GUID", await authority.PostAsJsonAsync("/api/rights", RequestBody.Edit(Api.ExplorationRight(holder.Id, Registered), b => b["holderId"] = "not-an-id"))),
            ("date not a date", await authority.PostAsJsonAsync("/api/rights", RequestBody.Edit(Api.ExplorationRight(holder.Id, Registered), b => b["registeredOn"] = "yesterday"))),
            ("array for object", await PostRawAsync(authority, "/api/rights", "[1]")),
            ("plan form enum", await Api.SubmitPlanAsync(holder.Client, rightId, fields: new Dictionary<string, string> { ["scale"] = huge[..3000] })),
            ("plan form number", await Api.SubmitPlanAsync(holder.Client, rightId, fields: new Dictionary<string, string> { ["serviceLifeYears"] = huge[..3000] })),
        };

        foreach (var (what, response) in answers)
        {
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(body.Length < 2500, $"{what}: {body.Length} characters of answer");
            Assert.False(body.Contains(new string('x', 65), StringComparison.Ordinal), $"{what}: echoes more than 64 characters: {body}");
            Assert.False(DotNetTypeName().IsMatch(body), $"{what}: names a .NET type: {body}");
            var detail = JsonNode.Parse(body)!["detail"]!.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(detail), what);
            if (body.Contains("xxxx", StringComparison.Ordinal))
            {
                Assert.Contains("…", body, StringComparison.Ordinal);
            }
        }

        // What a person needs is still there: the parameter, and what it should have been.
        var page = JsonNode.Parse(await answers.Single(a => a.What == "pageSize not a number").Response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Contains("'pageSize'", page, StringComparison.Ordinal);
        Assert.Contains("whole number", page, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync(url, content);
    }

    [GeneratedRegex(@"System\.|Int32|Int64|Nullable|\bint\b|Guid|Decimal|DateOnly|DateTime|Boolean|String\[\]|MiningRights\.|\.NET", RegexOptions.CultureInvariant)]
    private static partial Regex DotNetTypeName();

    /// <summary>A body whose length is not known in advance, so it travels chunked like a streamed upload.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < _bytes.Length; offset += 64 * 1024)
            {
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(64 * 1024, _bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
