using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Imports;

/// <summary>
/// Importing an existing register (POST /api/imports): a dry run reports every bad row in both languages and writes
/// nothing; the import registers the rest through registration itself; importing again updates by licence number and
/// never registers twice; only the province's authority (or an administrator) may import it; a file that is not a
/// register is a 4xx ProblemDetails.
/// </summary>
public sealed class ImportTests
{
    [Fact]
    public async Task A_dry_run_reports_each_bad_row_writes_nothing_and_the_import_then_reimport_never_duplicates()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 6, 2, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();

        var zoned = RegisterFile.Row(1, nameof(A_dry_run_reports_each_bad_row_writes_nothing_and_the_import_then_reimport_never_duplicates)).WithSquare(1);
        var degrees = RegisterFile.Row(2, "dms");
        degrees.Remove("areaKm2");
        degrees["cornerNotation"] = "经纬度";
        degrees["corners"] = "95°30'00\",41°50'00\";95度31分00秒,41度50分00秒;95°31′00″,41°51′00″;95°30'00\",41°51'00\"";
        var badKindAndDate = RegisterFile.Row(3, "bad");
        badKindAndDate["kind"] = "金矿权";
        badKindAndDate["expiresOn"] = "2027-02-30";
        var badCode = RegisterFile.Row(4, "code");
        badCode["holderCreditCode"] = "91620100ABCDEFGHIJ";
        var tooLong = RegisterFile.Row(5, "long");
        tooLong["expiresOn"] = "2030-03-01";
        var file = RegisterFile.Csv([zoned, degrees, badKindAndDate, badCode, tooLong]);
        var before = await TableRows.CountAsync(factory.Services);

        var dry = await Api.ReadAsync(await authority.PostAsync("/api/imports?dryRun=true", RegisterFile.Form(file, "甘肃省登记簿.csv")), HttpStatusCode.OK);

        Assert.Equal("甘肃省登记簿.csv", dry["fileName"]!.GetValue<string>());
        Assert.True(dry["dryRun"]!.GetValue<bool>());
        Assert.Equal((5, 2, 0, 0, 3), Counts(dry));
        var problems = dry["problems"]!.AsArray().Select(p => p!.AsObject()).ToList();
        Assert.Equal([4, 4, 5, 6], problems.Select(p => p["row"]!.GetValue<int>()).Order());
        Assert.Contains(problems, p => p["row"]!.GetValue<int>() == 4 && p["column"]!.GetValue<string>() == "kind" && p["messageZh"]!.GetValue<string>().Contains("探矿权或采矿权", StringComparison.Ordinal));
        Assert.Contains(problems, p => p["row"]!.GetValue<int>() == 4 && p["column"]!.GetValue<string>() == "expiresOn" && p["message"]!.GetValue<string>().Contains("2027-02-30", StringComparison.Ordinal));
        Assert.Contains(problems, p => p["row"]!.GetValue<int>() == 5 && p["column"]!.GetValue<string>() == "holderCreditCode" && p["messageZh"]!.GetValue<string>().Contains("统一社会信用代码", StringComparison.Ordinal));
        Assert.Contains(problems, p => p["row"]!.GetValue<int>() == 6 && p["column"]!.GetValue<string>() == "expiresOn" && p["ruleId"]!.GetValue<string>() == "CN-TERM");
        Assert.All(problems, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p["message"]!.GetValue<string>()));
            Assert.Contains(p["messageZh"]!.GetValue<string>(), c => c >= '\u4e00' && c <= '\u9fff');
            Assert.False(string.IsNullOrWhiteSpace(p["columnZh"]!.GetValue<string>()));
        });
        Assert.Equal(before, await TableRows.CountAsync(factory.Services));

        // The import registers the good rows as of today: the Gauss-Krüger square is 2 km × 2 km on the plane.
        var imported = await Api.ReadAsync(await authority.PostAsync("/api/imports", RegisterFile.Form(file, "甘肃省登记簿.csv")), HttpStatusCode.OK);
        Assert.Equal((5, 2, 0, 0, 3), Counts(imported));
        var right = await RightAsync(authority, zoned["licenseNumber"]);
        Assert.InRange(right["areaKm2"]!.GetValue<decimal>(), 3.99m, 4.0m);
        Assert.Equal("马鬃山金矿普查1", right["projectName"]!.GetValue<string>());
        var renewal = right["workflows"]!.AsArray().Select(w => w!.AsObject()).Single(w => w["definitionId"]!.GetValue<string>() == "renewal");
        Assert.NotNull(renewal);
        var dms = await RightAsync(authority, degrees["licenseNumber"]);
        Assert.InRange(dms["areaKm2"]!.GetValue<decimal>(), 2.5m, 2.9m);
        var afterImport = await TableRows.CountAsync(factory.Services);

        // The same file again: nothing new, nothing changed, not a row more in any table but the import's own audit entry.
        var again = await Api.ReadAsync(await authority.PostAsync("/api/imports", RegisterFile.Form(file)), HttpStatusCode.OK);
        Assert.Equal((5, 0, 0, 2, 3), Counts(again));
        var afterAgain = await TableRows.CountAsync(factory.Services);
        Assert.All(afterImport, t => Assert.True(t.Key.EndsWith("AuditEvents", StringComparison.Ordinal) ? afterAgain[t.Key] == t.Value + 1 : afterAgain[t.Key] == t.Value, $"{t.Key}: {t.Value} → {afterAgain[t.Key]}"));

        // A corrected project name and holder name update the registered right and holder; a changed term is refused.
        zoned["projectName"] = "马鬃山金矿详查";
        zoned["holderNameEn"] = "Import Test Mining Group";
        degrees["expiresOn"] = "2026-03-01";
        var corrected = await Api.ReadAsync(await authority.PostAsync("/api/imports", RegisterFile.Form(RegisterFile.Csv([zoned, degrees]))), HttpStatusCode.OK);
        Assert.Equal((2, 0, 1, 0, 1), Counts(corrected));
        var refusedTerm = Assert.Single(corrected["problems"]!.AsArray())!.AsObject();
        Assert.Equal("expiresOn", refusedTerm["column"]!.GetValue<string>());
        Assert.Contains("2027-03-01", refusedTerm["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("马鬃山金矿详查", (await RightAsync(authority, zoned["licenseNumber"]))["projectName"]!.GetValue<string>());
        var holders = await ReadListAsync(authority, $"/api/rights?licenseNumber={zoned["licenseNumber"]}");
        Assert.Single(holders);
        var holder = await Api.ReadAsync(await authority.GetAsync($"/api/holders/{holders[0]["holderId"]}"), HttpStatusCode.OK);
        Assert.Equal("Import Test Mining Group", holder["nameEn"]!.GetValue<string>());
        Assert.Equal(Table(afterAgain, "Rights"), Table(await TableRows.CountAsync(factory.Services), "Rights"));
        Assert.Equal(Table(afterAgain, "Holders"), Table(await TableRows.CountAsync(factory.Services), "Holders"));

        // Registration by hand takes the licence's own coordinates too: the same square, 3 km further north, by zone and X/Y.
        var byHand = Api.ExplorationRight(Guid.Parse(holders[0]["holderId"]!.GetValue<string>()), new DateOnly(2025, 6, 1), deferral: null);
        var body = RequestBody.Edit(byHand, b =>
        {
            b.Remove("areaKm2");
            b["cornerNotation"] = "gaussKruger";
            b["zone"] = 32;
            b["corners"] = new JsonArray(
                new JsonArray(4_648_000, 450_000), new JsonArray(4_648_000, 452_000), new JsonArray(4_650_000, 452_000), new JsonArray(4_650_000, 450_000), new JsonArray(4_648_000, 450_000));
        });
        var registered = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", body), HttpStatusCode.Created);
        Assert.InRange(registered["areaKm2"]!.GetValue<decimal>(), 3.99m, 4.0m);
    }

    [Fact]
    public async Task Only_the_provinces_authority_may_import_and_a_file_that_is_not_a_register_is_a_4xx_problem()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 6, 2, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var file = RegisterFile.Csv([RegisterFile.Row(1, "access")]);
        var before = await TableRows.CountAsync(factory.Services);

        var holder = await api.HolderAsync();
        await ProblemAssert.ReadDenialAsync(await holder.Client.PostAsync("/api/imports", RegisterFile.Form(file)), HttpStatusCode.Forbidden);
        var inspector = await api.AccountAsync("Inspector", "620000");
        await ProblemAssert.ReadDenialAsync(await inspector.PostAsync("/api/imports", RegisterFile.Form(file)), HttpStatusCode.Forbidden);
        var zhejiang = await api.AuthorityAsync("330000");
        var elsewhere = await ProblemAssert.ReadAsync(await zhejiang.PostAsync("/api/imports", RegisterFile.Form(file)), HttpStatusCode.Forbidden);
        Assert.Contains("620000", ProblemAssert.Detail(elsewhere), StringComparison.Ordinal);
        Assert.Contains("row", ProblemAssert.Detail(elsewhere), StringComparison.Ordinal);
        var holdersAfterRefusals = Table(await TableRows.CountAsync(factory.Services), "Holders");

        async Task<string> RefusedAsync(HttpContent content, HttpStatusCode status = HttpStatusCode.UnprocessableEntity) =>
            ProblemAssert.Detail(await ProblemAssert.ReadAsync(await authority.PostAsync("/api/imports?dryRun=true", content), status));

        Assert.Contains("neither CSV nor XLSX", await RefusedAsync(RegisterFile.Form([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "map.png", "image/png")), StringComparison.Ordinal);
        Assert.Contains("not UTF-8", await RefusedAsync(RegisterFile.Form(Encoding.Latin1.GetBytes("licenseNumber,kind\n\u00e9\u00e8,\u00ff\n"))), StringComparison.Ordinal);
        Assert.Contains("zip archive but not a readable XLSX", await RefusedAsync(RegisterFile.Form([(byte)'P', (byte)'K', 3, 4, 1, 2, 3], "register.xlsx")), StringComparison.Ordinal);
        Assert.Contains("empty", await RefusedAsync(RegisterFile.Form([])), StringComparison.Ordinal);
        Assert.Contains("no rights below it", await RefusedAsync(RegisterFile.Form(RegisterFile.Csv([]))), StringComparison.Ordinal);
        var wrong = await RefusedAsync(RegisterFile.Form(RegisterFile.Csv([], ["许可证号", "kind", "holderName", "licenseNumber"])));
        Assert.Contains("holderName", wrong, StringComparison.Ordinal);
        Assert.Contains("appear twice: licenseNumber", wrong, StringComparison.Ordinal);
        var missing = await RefusedAsync(RegisterFile.Form(RegisterFile.Csv([], ["licenseNumber", "kind", "holderNames"])));
        Assert.Contains("Columns missing: holderCreditCode", missing, StringComparison.Ordinal);
        Assert.Contains("holderNames", missing, StringComparison.Ordinal);
        var huge = new StringBuilder(string.Join(',', MiningRights.Imports.ImportColumn.All.Select(c => c.Key))).Append('\n');
        for (var i = 0; i <= MiningRights.Imports.ImportSheet.MaxRows; i++)
        {
            huge.Append("T1,\n");
        }

        Assert.Contains("more than 50000 rows", await RefusedAsync(RegisterFile.Form(Encoding.UTF8.GetBytes(huge.ToString()))), StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", await RefusedAsync(JsonContent.Create(new { file = "register.csv" }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(Table(before, "Rights"), Table(await TableRows.CountAsync(factory.Services), "Rights"));
        Assert.Equal(holdersAfterRefusals, Table(await TableRows.CountAsync(factory.Services), "Holders"));

        // The template, as a workbook and as CSV, is itself a register whose example row a dry run accepts.
        foreach (var (path, name) in new[] { ("/api/imports/template.xlsx", "template.xlsx"), ("/api/imports/template.csv", "template.csv") })
        {
            var template = await authority.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, template.StatusCode);
            var checkedTemplate = await Api.ReadAsync(await authority.PostAsync("/api/imports?dryRun=true", RegisterFile.Form(await template.Content.ReadAsByteArrayAsync(), name)), HttpStatusCode.OK);
            Assert.True(Counts(checkedTemplate) == (1, 1, 0, 0, 0), checkedTemplate.ToJsonString());
        }

        Assert.Equal(Table(before, "Rights"), Table(await TableRows.CountAsync(factory.Services), "Rights"));
    }

    private static long Table(IReadOnlyDictionary<string, long> counts, string table) =>
        counts.Single(c => c.Key == table || c.Key.EndsWith("." + table, StringComparison.Ordinal)).Value;

    private static (int Rows, int New, int Updated, int Unchanged, int Refused) Counts(JsonObject report) =>
        (report["rows"]!.GetValue<int>(), report["new"]!.GetValue<int>(), report["updated"]!.GetValue<int>(), report["unchanged"]!.GetValue<int>(), report["refused"]!.GetValue<int>());

    private static async Task<JsonObject> RightAsync(HttpClient client, string licenseNumber)
    {
        var found = Assert.Single(await ReadListAsync(client, $"/api/rights?licenseNumber={licenseNumber}"));
        return await Api.ReadAsync(await client.GetAsync($"/api/rights/{found["id"]}"), HttpStatusCode.OK);
    }

    private static async Task<List<JsonObject>> ReadListAsync(HttpClient client, string path) =>
        (await Api.ReadAsync(await client.GetAsync(path), HttpStatusCode.OK))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
}
