using System.Net;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Imports;

/// <summary>
/// The import checks a batch of rows against what it read once and saves the batch once: rows of one batch must still
/// see each other as if saved one by one (a holder new in the file registered once, ground taken by an earlier row
/// refused to a later one), a refused row leaves nothing of itself, and a right whose renewal application date passed
/// before the import is not judged for it (CN-RENEW), only from the import on.
/// </summary>
public sealed class ImportBatchTests
{
    [Fact]
    public async Task Rows_of_one_batch_see_each_other_and_a_renewal_date_passed_before_the_import_is_not_judged()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 6, 2, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        const string salt = nameof(Rows_of_one_batch_see_each_other_and_a_renewal_date_passed_before_the_import_is_not_judged);

        // Two rights of one holder new in the file; a third square overlapping the first by half; the third's holder is new.
        var first = RegisterFile.Row(1, salt).WithSquare(1);
        var second = RegisterFile.Row(2, salt).WithSquare(2);
        foreach (var column in new[] { "holderCreditCode", "holderNameZh", "holderNameEn", "holderEmails" })
        {
            second[column] = first[column];
        }

        var overlapping = RegisterFile.Row(3, salt).WithSquare(1);
        overlapping["corners"] = "4642000,32451000;4642000,32453000;4644000,32453000;4644000,32451000";

        // Imported on 2 June 2025, expiring on 20 June: the application was due on 21 May, before the service knew the right.
        var expiring = RegisterFile.Row(4, salt);
        expiring["registeredOn"] = "2022-06-20";
        expiring["expiresOn"] = "2025-06-20";

        // Expiring on 1 September: the application is due on 2 August as for any right.
        var later = RegisterFile.Row(5, salt);
        later["registeredOn"] = "2022-09-01";
        later["expiresOn"] = "2025-09-01";
        var file = RegisterFile.Csv([first, second, overlapping, expiring, later]);
        var before = await TableRows.CountAsync(factory.Services);

        var dry = await Api.ReadAsync(await authority.PostAsync("/api/imports?dryRun=true", RegisterFile.Form(file)), HttpStatusCode.OK);
        Assert.Equal((5, 4, 1), (dry["rows"]!.GetValue<int>(), dry["new"]!.GetValue<int>(), dry["refused"]!.GetValue<int>()));
        var refused = Assert.Single(dry["problems"]!.AsArray())!.AsObject();
        Assert.Equal((4, "corners"), (refused["row"]!.GetValue<int>(), refused["column"]!.GetValue<string>()));
        Assert.Contains(first["licenseNumber"], refused["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("重叠", refused["messageZh"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await TableRows.CountAsync(factory.Services));

        var imported = await Api.ReadAsync(await authority.PostAsync("/api/imports", RegisterFile.Form(file)), HttpStatusCode.OK);
        Assert.Equal((5, 4, 1), (imported["rows"]!.GetValue<int>(), imported["new"]!.GetValue<int>(), imported["refused"]!.GetValue<int>()));
        var after = await TableRows.CountAsync(factory.Services);

        // Three holders (the shared one once, the refused row's not at all), four rights, four footprints.
        Assert.Equal(3, Table(after, "Holders") - Table(before, "Holders"));
        Assert.Equal(4, Table(after, "Rights") - Table(before, "Rights"));
        Assert.Equal(2, Table(after, "Footprints") - Table(before, "Footprints"));
        var one = await RightAsync(authority, first["licenseNumber"]);
        var two = await RightAsync(authority, second["licenseNumber"]);
        Assert.Equal(one["holderId"]!.GetValue<string>(), two["holderId"]!.GetValue<string>());
        Assert.Empty(await ListAsync(authority, $"/api/rights?licenseNumber={overlapping["licenseNumber"]}"));

        // The right about to expire may be applied for until it expires; the other is due 30 days before, as registered by hand.
        Assert.Equal("2025-06-20", ApplyBy(await RightAsync(authority, expiring["licenseNumber"])));
        Assert.Equal("2025-08-02", ApplyBy(await RightAsync(authority, later["licenseNumber"])));

        // The jobs run the next days: nothing is judged missed before the right expires.
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 6, 3, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 6, 20, 22));
        var renewal = Renewal(await RightAsync(authority, expiring["licenseNumber"]));
        Assert.Equal("open", renewal["state"]!.GetValue<string>());
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 6, 21, 10));
        await factory.RunJobsAtAsync(TestClock.Shanghai(2025, 6, 22, 10));
        var lapsed = await RightAsync(authority, expiring["licenseNumber"]);
        Assert.Equal("lapsed", lapsed["status"]!.GetValue<string>());
    }

    private static string ApplyBy(JsonObject right) =>
        right["openDeadlines"]!.AsArray().Select(d => d!.AsObject()).Single(d => d["name"]!.GetValue<string>() == "apply")["dueOn"]!.GetValue<string>();

    private static JsonObject Renewal(JsonObject right) =>
        right["workflows"]!.AsArray().Select(w => w!.AsObject()).Single(w => w["definitionId"]!.GetValue<string>() == "renewal");

    private static long Table(IReadOnlyDictionary<string, long> counts, string table) =>
        counts.Single(c => c.Key == table || c.Key.EndsWith("." + table, StringComparison.Ordinal)).Value;

    private static async Task<JsonObject> RightAsync(HttpClient client, string licenseNumber)
    {
        var found = Assert.Single(await ListAsync(client, $"/api/rights?licenseNumber={licenseNumber}"));
        return await Api.ReadAsync(await client.GetAsync($"/api/rights/{found["id"]}"), HttpStatusCode.OK);
    }

    private static async Task<List<JsonObject>> ListAsync(HttpClient client, string path) =>
        (await Api.ReadAsync(await client.GetAsync(path), HttpStatusCode.OK))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
}
