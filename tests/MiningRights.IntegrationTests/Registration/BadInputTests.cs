using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Registration;

/// <summary>Input the service cannot use is a 400 that says what is wrong, and nothing of it is written.</summary>
public sealed class BadInputTests
{
    private static readonly DateOnly Registered = new(2025, 3, 1);

    [Fact]
    public async Task Unreadable_registrations_are_400_with_the_parser_reason_and_register_nothing()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var before = await RightsTotalAsync(authority);
        var valid = Api.ExplorationRight(holder.Id, Registered);

        var malformed = await ProblemAssert.ReadAsync(await PostRawAsync(authority, "/api/rights", """{"licenseNumber": """), HttpStatusCode.BadRequest);
        Assert.Contains("JSON", ProblemAssert.Detail(malformed), StringComparison.Ordinal);

        var gold = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync("/api/rights", RequestBody.Edit(valid, b => b["kind"] = "gold")), HttpStatusCode.BadRequest);
        Assert.Contains("$.kind", ProblemAssert.Detail(gold), StringComparison.Ordinal);

        var number = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync("/api/rights", RequestBody.Edit(valid, b => b["transferMode"] = 1)), HttpStatusCode.BadRequest);
        Assert.Contains("$.transferMode", ProblemAssert.Detail(number), StringComparison.Ordinal);

        var unknown = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync("/api/rights", RequestBody.Edit(valid, b => b["priorityMineral"] = true)), HttpStatusCode.BadRequest);
        Assert.Contains("priorityMineral", ProblemAssert.Detail(unknown), StringComparison.Ordinal);

        var wrongType = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync("/api/rights", RequestBody.Edit(valid, b => b["areaKm2"] = "large")), HttpStatusCode.BadRequest);
        Assert.Contains("$.areaKm2", ProblemAssert.Detail(wrongType), StringComparison.Ordinal);

        Assert.Equal(before, await RightsTotalAsync(authority));

        // The same body, read correctly, registers: the refusals above were about the input alone.
        await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", valid), HttpStatusCode.Created);
        Assert.Equal(before + 1, await RightsTotalAsync(authority));
    }

    [Fact]
    public async Task Invalid_registrations_are_400_with_field_errors_and_a_duplicate_number_is_409()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");

        var empty = await ProblemAssert.ReadAsync(await PostRawAsync(authority, "/api/rights", "{}"), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(empty, "licenseNumber", "kind", "holderId", "projectName", "minerals", "areaKm2", "locationCountyCode", "authorityCode", "transferMode", "registeredOn");

        var future = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 2))), HttpStatusCode.BadRequest);
        var futureError = ProblemAssert.Errors(future, "registeredOn")["registeredOn"]![0]!.GetValue<string>();
        Assert.Contains("2025-03-02", futureError, StringComparison.Ordinal);
        Assert.Contains("future", futureError, StringComparison.Ordinal);

        var city = RequestBody.Edit(Api.ExplorationRight(holder.Id, Registered), b => b["locationCountyCode"] = "620100");
        var notCounty = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync("/api/rights", city), HttpStatusCode.BadRequest);
        Assert.Contains("620100", ProblemAssert.Errors(notCounty, "locationCountyCode")["locationCountyCode"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(0, await RightsTotalAsync(authority));
        Assert.Equal(0, await DeadlinesTotalAsync(authority));

        var licence = Api.NewLicenseNumber("T");
        var first = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered, licence)), HttpStatusCode.Created);
        var duplicate = await ProblemAssert.ReadAsync(
            await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered, licence.ToLowerInvariant())),
            HttpStatusCode.Conflict);
        Assert.Contains(licence, ProblemAssert.Detail(duplicate), StringComparison.Ordinal);

        // Still one right with its two deadlines (the plan's and the renewal's): the duplicate started no second workflow.
        Assert.Equal(1, await RightsTotalAsync(authority));
        var deadlines = await Api.ReadAsync(await authority.GetAsync("/api/deadlines"), HttpStatusCode.OK);
        Assert.Equal(2, deadlines["items"]!.AsArray().Count);
        Assert.All(deadlines["items"]!.AsArray(), d => Assert.Equal(first["id"]!.GetValue<string>(), d!["rightId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_invalid_holder_is_400_with_the_field_and_is_not_kept()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var code = MiningRights.Accounts.UnifiedSocialCreditCode.WithCheckCharacter("91620100987654321");
        var wrongCheck = code[..17] + (code[17] == '0' ? '1' : '0');
        object Holder(string creditCode, string email) => new
        {
            creditCode,
            nameZh = "校验矿业有限公司",
            nameEn = "Check Mining Co., Ltd.",
            language = "en",
            contactEmails = new[] { email },
        };

        var badCode = await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/holders", Holder(wrongCheck, "ok@holders.test")), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(badCode, "creditCode");

        var badEmail = await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/holders", Holder(code, "not an address")), HttpStatusCode.BadRequest);
        var errors = ProblemAssert.Errors(badEmail, "contactEmails");
        Assert.False(errors.ContainsKey("creditCode"));

        // The refused request kept nothing: the same credit code registers now, once.
        await Api.ReadAsync(await admin.PostAsJsonAsync("/api/holders", Holder(code, "ok@holders.test")), HttpStatusCode.Created);
        await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/holders", Holder(code, "ok@holders.test")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unusable_plan_upload_is_400_and_leaves_the_right_waiting_for_its_plan()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());
        var url = $"/api/rights/{rightId}/plans";

        using (var noFile = new MultipartFormDataContent { { new StringContent("a note"), "note" } })
        {
            ProblemAssert.Errors(await ProblemAssert.ReadAsync(await holder.Client.PostAsync(url, noFile), HttpStatusCode.BadRequest), "file");
        }

        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, []), HttpStatusCode.BadRequest), "file");

        var exe = await ProblemAssert.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, "MZ this is an executable"u8.ToArray(), "plan.exe"), HttpStatusCode.BadRequest);
        Assert.Contains(".pdf", ProblemAssert.Errors(exe, "file")["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var json = await ProblemAssert.ReadAsync(await holder.Client.PostAsJsonAsync(url, new { file = "JVBERi0xLjQ=" }), HttpStatusCode.BadRequest);
        Assert.Contains("multipart/form-data", ProblemAssert.Detail(json), StringComparison.Ordinal);

        var miningFields = new Dictionary<string, string> { ["scale"] = "small", ["serviceLifeYears"] = "8", ["miningMethod"] = "openPit", ["designCapacity"] = "5" };
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, fields: miningFields), HttpStatusCode.BadRequest), "scale");

        await AssertNoPlanAsync(factory, holder.Client, rightId);

        // A proper plan is still accepted on time: the refusals did not move the workflow.
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId), HttpStatusCode.Created);
        Assert.False(plan["late"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_malformed_multipart_upload_is_400_saying_the_upload_could_not_be_read_not_500()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());
        var url = $"/api/rights/{rightId}/plans";
        const string Part = "Content-Disposition: form-data; name=\"file\"; filename=\"plan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 plan";

        (string ContentType, string Body)[] broken =
        [
            ("multipart/form-data; boundary=abc", $"--abc\r\n{Part}"),
            ("multipart/form-data; boundary=abc", $"--xyz\r\n{Part}\r\n--xyz--\r\n"),
            ("multipart/form-data; boundary=" + new string('b', 200), $"--{new string('b', 200)}\r\n{Part}\r\n--{new string('b', 200)}--\r\n"),
            ("multipart/form-data", $"--abc\r\n{Part}\r\n--abc--\r\n"),
        ];
        foreach (var (contentType, body) in broken)
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            var problem = await ProblemAssert.ReadAsync(await holder.Client.PostAsync(url, content), HttpStatusCode.BadRequest);
            var error = ProblemAssert.Errors(problem, "file")["file"]![0]!.GetValue<string>();
            Assert.StartsWith("The upload could not be read", error, StringComparison.Ordinal);
        }

        await AssertNoPlanAsync(factory, holder.Client, rightId);
        await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Overlong_account_holder_and_sign_in_fields_are_400_and_create_nothing()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var admin = await api.AdminAsync();
        var userName = $"long-{Guid.NewGuid():N}"[..16];
        object Account(string? displayName = null, string password = ServiceFactory.Password, string? email = null) => new
        {
            userName,
            password,
            role = "Authority",
            email = email ?? $"{userName}@officers.test",
            displayName = displayName ?? "Officer",
            language = "en",
            jurisdictionCode = "620000",
        };

        var longName = await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/accounts", Account(displayName: new string('d', 100_000))), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(longName, "displayName");
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/accounts", Account(password: "Aa1!" + new string('p', 200))), HttpStatusCode.BadRequest), "password");
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/accounts", Account(email: new string('e', 300) + "@officers.test")), HttpStatusCode.BadRequest), "email");
        await ProblemAssert.ReadAsync(await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password = ServiceFactory.Password }), HttpStatusCode.Unauthorized);

        // A password far longer than any account has is refused before it is hashed: 400, not a failed sign-in.
        var login = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName = ServiceFactory.AdminUser, password = new string('p', 100_000) });
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(login, HttpStatusCode.BadRequest), "password");
        await api.AdminAsync();

        var code = MiningRights.Accounts.UnifiedSocialCreditCode.WithCheckCharacter("91620100555555555");
        object Holder(string[] emails, string? nameZh = null) => new { creditCode = code, nameZh = nameZh ?? "长名矿业有限公司", nameEn = "Long Name Mining Co., Ltd.", language = "en", contactEmails = emails };
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/holders", Holder([new string('e', 300) + "@holders.test"])), HttpStatusCode.BadRequest), "contactEmails");
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/holders", Holder(Enumerable.Range(0, 11).Select(i => $"c{i}@holders.test").ToArray())), HttpStatusCode.BadRequest), "contactEmails");
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await admin.PostAsJsonAsync("/api/holders", Holder(["ok@holders.test"], new string('名', 201))), HttpStatusCode.BadRequest), "nameZh");

        // The same account and holder within the limits are accepted: the refusals were about the lengths alone.
        await Api.ReadAsync(await admin.PostAsJsonAsync("/api/accounts", Account(displayName: new string('d', 100))), HttpStatusCode.Created);
        await Api.ReadAsync(await admin.PostAsJsonAsync("/api/holders", Holder(Enumerable.Range(0, 10).Select(i => $"c{i}@holders.test").ToArray())), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_plan_larger_than_the_upload_limit_is_400_and_not_stored()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10), settings: new Dictionary<string, string?> { ["Storage:MaxUploadBytes"] = "1024" });
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());

        var big = new byte[4 * 1024];
        "%PDF-1.4"u8.CopyTo(big);
        var problem = await ProblemAssert.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, big), HttpStatusCode.BadRequest);
        var error = ProblemAssert.Errors(problem, "file")["file"]![0]!.GetValue<string>();
        Assert.Contains("4096", error, StringComparison.Ordinal);
        Assert.Contains("1024", error, StringComparison.Ordinal);
        await AssertNoPlanAsync(factory, holder.Client, rightId);

        // Far past the limit the form reader itself gives up (limit + 1 MB of form overhead): still a 400 that says why.
        var huge = await ProblemAssert.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, new byte[(1024 * 1024) + 4096]), HttpStatusCode.BadRequest);
        Assert.Contains("limit", ProblemAssert.Detail(huge), StringComparison.Ordinal);
        await AssertNoPlanAsync(factory, holder.Client, rightId);

        // At the limit exactly, the plan is accepted.
        await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, big[..1024]), HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_invalid_decision_is_400_and_leaves_the_plan_under_review()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, Registered)), HttpStatusCode.Created);
        var rightId = right["id"]!.GetValue<string>();
        var plan = await Api.ReadAsync(await Api.SubmitPlanAsync(holder.Client, Guid.Parse(rightId)), HttpStatusCode.Created);
        var url = $"/api/rights/{rightId}/plans/{plan["id"]}/decision";

        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await PostRawAsync(authority, url, "{}"), HttpStatusCode.BadRequest), "decision");
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync(url, new { decision = "return" }), HttpStatusCode.BadRequest), "reasons");
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync(url, new { decision = "return", reasons = "   " }), HttpStatusCode.BadRequest), "reasons");
        var maybe = await ProblemAssert.ReadAsync(await authority.PostAsJsonAsync(url, new { decision = "maybe" }), HttpStatusCode.BadRequest);
        Assert.Contains("$.decision", ProblemAssert.Detail(maybe), StringComparison.Ordinal);

        var plans = (await authority.GetFromJsonAsync<JsonArray>($"/api/rights/{rightId}/plans"))!;
        Assert.Equal("submitted", Assert.Single(plans)!["status"]!.GetValue<string>());
        Assert.Null(plans[0]!["reviewedBy"]);
        var view = await Api.ReadAsync(await authority.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("underReview", Api.Lifecycle(view)["state"]!.GetValue<string>());
        var history = (await authority.GetFromJsonAsync<JsonArray>($"/api/rights/{rightId}/history"))!;
        Assert.DoesNotContain(history, h => h!["what"]!.GetValue<string>().StartsWith("plan.return", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_size_of_zero_is_400()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var admin = await new Api(factory).AdminAsync();

        var problem = await ProblemAssert.ReadAsync(await admin.GetAsync("/api/rights?pageSize=0"), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(problem, "pageSize");
        await ProblemAssert.ReadAsync(await admin.GetAsync("/api/rights?pageSize=201"), HttpStatusCode.BadRequest);
        ProblemAssert.Errors(await ProblemAssert.ReadAsync(await admin.GetAsync("/api/rights?cursor=not-a-cursor"), HttpStatusCode.BadRequest), "cursor");
        Assert.Empty((await Api.ReadAsync(await admin.GetAsync("/api/rights?pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray());
    }

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync(url, content);
    }

    private static async Task<int> RightsTotalAsync(HttpClient client) =>
        (await Api.ReadAsync(await client.GetAsync("/api/rights"), HttpStatusCode.OK)).ItemCount();

    private static async Task<int> DeadlinesTotalAsync(HttpClient client) =>
        (await Api.ReadAsync(await client.GetAsync("/api/deadlines"), HttpStatusCode.OK)).ItemCount();

    /// <summary>No plan recorded, no file kept, and the workflow still waits with its deadline open.</summary>
    private static async Task AssertNoPlanAsync(ServiceFactory factory, HttpClient holder, Guid rightId)
    {
        Assert.Empty((await holder.GetFromJsonAsync<JsonArray>($"/api/rights/{rightId}/plans"))!);
        var plans = Path.Combine(factory.DataDirectory, "plans");
        Assert.Empty(Directory.Exists(plans) ? Directory.GetFiles(plans, "*", SearchOption.AllDirectories) : []);
        var view = await Api.ReadAsync(await holder.GetAsync($"/api/rights/{rightId}"), HttpStatusCode.OK);
        Assert.Equal("awaitingPlan", Api.Lifecycle(view)["state"]!.GetValue<string>());
        Assert.Equal("2026-03-01", Assert.Single(Api.LifecycleDeadlines(view))!["dueOn"]!.GetValue<string>());
    }
}
