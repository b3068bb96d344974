using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.IntegrationTests.Listing;

namespace MiningRights.IntegrationTests.Contracts;

/// <summary>
/// Evidence files travel with the step they prove: a duty's report and a relief claim carry them as multipart 'files',
/// each kept with its journal entry and checked by its bytes; officers of the jurisdiction and the holder download
/// them, nobody else sees them; a refused upload writes nothing, neither a row nor a file.
/// </summary>
public sealed class EvidenceTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n开工报告 work start report\n%%EOF"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00];

    [Fact]
    public async Task A_report_keeps_its_evidence_files_with_its_step_for_the_holder_and_officers_of_the_jurisdiction_only()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var right = await world.RegisterUnderContractAsync(holder, "exploration", "2028-03-23",
            new { number = "第九条", kind = "resultsReport", textZh = "提交勘查成果报告", textEn = "Submit the results report", dueOn = "2027-12-31" });
        var duty = Duty(right, "exploration-work-start");
        factory.Clock.Set(TestClock.Shanghai(2025, 6, 10, 10));

        var reported = await Api.ReadAsync(await SignalAsync(holder.Client, duty, "report", ("开工报告.pdf", Pdf), ("site.jpg", Jpeg)), HttpStatusCode.OK);
        Assert.Equal("reported", reported["state"]!.GetValue<string>());
        var step = reported["journal"]!.AsArray().Select(j => j!.AsObject()).Last();
        Assert.Equal("signal:report", step["trigger"]!.GetValue<string>());
        Assert.Contains("workStartedOn = 2025-06-01", step["note"]!.GetValue<string>(), StringComparison.Ordinal);
        var files = step["evidence"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(["开工报告.pdf", "site.jpg"], files.Select(f => f["fileName"]!.GetValue<string>()).Order(StringComparer.Ordinal).Reverse());
        var pdf = files.Single(f => f["fileName"]!.GetValue<string>() == "开工报告.pdf");
        Assert.Equal("application/pdf", pdf["contentType"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), pdf["sha256"]!.GetValue<string>());
        Assert.Equal("image/jpeg", files.Single(f => f["fileName"]!.GetValue<string>() == "site.jpg")["contentType"]!.GetValue<string>());
        Assert.All(reported["journal"]!.AsArray().Take(reported["journal"]!.AsArray().Count - 1), j => Assert.Empty(j!["evidence"]!.AsArray()));

        // The authority, an inspector of the county and the holder download it as sent, as an attachment.
        var href = pdf["href"]!.GetValue<string>();
        var countyInspector = await world.Api.AccountAsync("Inspector", "620923");
        foreach (var reader in new[] { world.Authority, countyInspector, holder.Client })
        {
            using var download = await reader.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }

        // Another holder and an inspector of another county get the answer an unknown file gets.
        var other = await world.Api.HolderAsync();
        var elsewhere = await world.Api.AccountAsync("Inspector", "620902");
        var unknown = await ProblemAssert.ReadAsync(await holder.Client.GetAsync($"/api/workflows/instances/{duty}/evidence/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        foreach (var stranger in new[] { other.Client, elsewhere })
        {
            var refused = await ProblemAssert.ReadAsync(await stranger.GetAsync(href), HttpStatusCode.NotFound);
            Assert.Equal(unknown["title"]!.GetValue<string>(), refused["title"]!.GetValue<string>());
        }

        // A decision that takes no files refuses one, and the JSON form of a signal works as before.
        var withFile = await ProblemAssert.ReadAsync(await SignalAsync(world.Authority, duty, "accept", ("note.pdf", Pdf)), HttpStatusCode.BadRequest);
        Assert.Contains("takes no evidence files", withFile["errors"]!["files"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("reported", (await InstanceAsync(world.Authority, duty))["state"]!.GetValue<string>());
        var rejected = await world.Authority.PostAsJsonAsync($"/api/workflows/instances/{duty}/signals/reject", new { values = new { reasons = "照片不清晰" } });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        // Refused uploads write nothing: bytes that are not what the name says, a kind not taken, too many files.
        var journal = (await InstanceAsync(world.Authority, duty))["journal"]!.AsArray().Count;
        var stored = StoredFiles(factory, duty);
        var forged = await ProblemAssert.ReadAsync(await SignalAsync(holder.Client, duty, "report", ("report.pdf", Pdf), ("photo.jpg", "not a picture"u8.ToArray())), HttpStatusCode.BadRequest);
        Assert.Contains("photo.jpg", forged["errors"]!["files"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await ProblemAssert.ReadAsync(await SignalAsync(holder.Client, duty, "report", ("tool.exe", "MZ"u8.ToArray())), HttpStatusCode.BadRequest);
        await ProblemAssert.ReadAsync(await SignalAsync(holder.Client, duty, "report",
            Enumerable.Range(1, 11).Select(i => ($"p{i}.pdf", Pdf)).ToArray()), HttpStatusCode.BadRequest);
        await ProblemAssert.ReadAsync(await SignalAsync(holder.Client, duty, "report", ("empty.pdf", Array.Empty<byte>())), HttpStatusCode.BadRequest);
        var after = await InstanceAsync(world.Authority, duty);
        Assert.Equal("returned", after["state"]!.GetValue<string>());
        Assert.Equal(journal, after["journal"]!.AsArray().Count);
        Assert.Equal(stored, StoredFiles(factory, duty));
    }

    [Fact]
    public async Task A_relief_claim_sent_as_a_form_keeps_its_certificates_and_a_malformed_one_writes_nothing()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var right = await world.RegisterUnderContractAsync(holder, "exploration", "2028-03-23",
            new { number = "第十条", kind = "resultsReport", textZh = "提交阶段勘查成果报告", textEn = "Submit the interim results report", dueOn = "2025-06-01" });
        var report = Duty(right, "results-report");
        factory.Clock.Set(TestClock.Shanghai(2025, 5, 10, 10));

        // A date that is not one is refused on its field; with neither a description nor files there is no evidence.
        var bad = await ProblemAssert.ReadAsync(await ClaimAsync(holder.Client, right, report, periodFrom: "5 May", ("灾情证明.pdf", Pdf)), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]?["periodFrom"]);
        var none = await ProblemAssert.ReadAsync(await ClaimAsync(holder.Client, right, report, periodFrom: "2025-05-05"), HttpStatusCode.BadRequest);
        Assert.NotNull(none["errors"]?["evidence"]);
        Assert.Empty(StoredClaimFiles(factory));
        var obligations = await Api.ReadAsync(await holder.Client.GetAsync($"/api/obligations?rightId={right["id"]}"), HttpStatusCode.OK);
        Assert.All(obligations["items"]!.AsArray(), o => Assert.False(o!["reliefPending"]!.GetValue<bool>()));

        // Without a written description of the evidence, the files are the evidence.
        var claim = await Api.ReadAsync(await ClaimAsync(holder.Client, right, report, periodFrom: "2025-05-05", ("灾情证明.pdf", Pdf), ("冲毁道路.jpg", Jpeg)), HttpStatusCode.Created);
        Assert.Equal("claimed", claim["state"]!.GetValue<string>());
        var start = claim["journal"]!.AsArray()[0]!.AsObject();
        Assert.Equal("start", start["trigger"]!.GetValue<string>());
        Assert.Equal(2, start["evidence"]!.AsArray().Count);
        Assert.Contains("灾情证明.pdf", claim["values"]!["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
        using var download = await world.Authority.GetAsync(start["evidence"]!.AsArray().Single(e => e!["fileName"]!.GetValue<string>() == "灾情证明.pdf")!["href"]!.GetValue<string>());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_report_at_the_longest_its_fields_allow_is_taken_and_its_journal_keeps_it_whole()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var world = await ListingWorld.StartAsync(factory, "620000");
        var holder = await world.Api.HolderAsync("zh-CN");
        var right = await world.RegisterUnderContractAsync(holder, "exploration", "2028-03-23",
            new { number = "第九条", kind = "resultsReport", textZh = "提交勘查成果报告", textEn = "Submit the results report", dueOn = "2027-12-31" });
        var duty = Duty(right, "exploration-work-start");
        factory.Clock.Set(TestClock.Shanghai(2025, 6, 10, 10));

        var workDone = string.Concat(Enumerable.Repeat("槽探施工完成", 700))[..4000];
        var reported = await Api.ReadAsync(await holder.Client.PostAsJsonAsync($"/api/workflows/instances/{duty}/signals/report",
            new { note = new string('注', 2000), values = new { workStartedOn = "2025-06-01", workDone } }), HttpStatusCode.OK);
        Assert.Contains(workDone, reported["journal"]!.AsArray().Last()!["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Duty(JsonObject right, string definition) =>
        right["workflows"]!.AsArray().Select(w => w!.AsObject()).First(w => w["definitionId"]!.GetValue<string>() == definition)["instanceId"]!.GetValue<string>();

    /// <summary>A report as a form: the work-start duty's values, and the files.</summary>
    private static async Task<HttpResponseMessage> SignalAsync(HttpClient client, string instance, string signal, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        if (signal == "report")
        {
            form.Add(new StringContent("2025-06-01"), "workStartedOn");
            form.Add(new StringContent("槽探开工，附开工报告与现场照片"), "workDone");
            form.Add(new StringContent("开工报告"), "note");
        }

        Attach(form, files);
        return await client.PostAsync($"/api/workflows/instances/{instance}/signals/{signal}", form);
    }

    private static async Task<HttpResponseMessage> ClaimAsync(HttpClient client, JsonObject right, string duty, string periodFrom, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("forceMajeure"), "ground" },
            { new StringContent(duty), "duties" },
            { new StringContent(periodFrom), "periodFrom" },
            { new StringContent("2025-08-02"), "periodTo" },
            { new StringContent("特大洪水冲毁进场道路，无法施工"), "reason" },
        };
        Attach(form, files);
        return await client.PostAsync($"/api/rights/{right["id"]}/relief-claims", form);
    }

    private static void Attach(MultipartFormDataContent form, (string Name, byte[] Content)[] files)
    {
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }
    }

    private static async Task<JsonObject> InstanceAsync(HttpClient client, string id) =>
        await Api.ReadAsync(await client.GetAsync($"/api/workflows/instances/{id}"), HttpStatusCode.OK);

    private static string[] StoredClaimFiles(ServiceFactory factory) =>
        Directory.Exists(Path.Combine(factory.DataDirectory, "evidence")) ? Directory.GetFiles(Path.Combine(factory.DataDirectory, "evidence"), "*", SearchOption.AllDirectories) : [];

    private static int StoredFiles(ServiceFactory factory, string instance)
    {
        var folder = Path.Combine(factory.DataDirectory, "evidence", Guid.Parse(instance).ToString("N"));
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }
}
