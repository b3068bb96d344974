using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>An uploaded plan is what its name says, and it is served as a download of that type, never rendered.</summary>
public sealed class PlanDocumentTests
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static readonly DateOnly Registered = new(2025, 3, 1);
    private static readonly byte[] ZipHead = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];
    private static readonly byte[] Ole2Head = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00];

    [Fact]
    public async Task A_file_whose_bytes_do_not_match_its_extension_is_400_saying_so_and_is_not_stored()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var rightId = await RightAsync(authority, holder.Id);

        (string FileName, byte[] Content, string Expected)[] mismatches =
        [
            ("plan.pdf", "<html><script>alert(document.cookie)</script></html>"u8.ToArray(), "PDF"),
            ("plan.docx", "%PDF-1.4 a PDF named as a Word file"u8.ToArray(), "Word"),
            ("plan.doc", [.. ZipHead, .. "rest"u8], "Word 97"),
            ("plan.ofd", "MZ an executable"u8.ToArray(), "OFD"),
            ("plan.zip", [.. Ole2Head, .. "rest"u8], "ZIP"),
        ];
        foreach (var (fileName, content, expected) in mismatches)
        {
            var problem = await ProblemAssert.ReadAsync(await Api.SubmitPlanAsync(holder.Client, rightId, content, fileName), HttpStatusCode.BadRequest);
            var error = ProblemAssert.Errors(problem, "file")["file"]![0]!.GetValue<string>();
            Assert.Contains(expected, error, StringComparison.Ordinal);
            Assert.Contains(Path.GetExtension(fileName), error, StringComparison.Ordinal);
        }

        Assert.Empty((await holder.Client.GetFromJsonAsync<JsonArray>($"/api/rights/{rightId}/plans"))!);
        var plans = Path.Combine(factory.DataDirectory, "plans");
        Assert.Empty(Directory.Exists(plans) ? Directory.GetFiles(plans, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task A_plan_is_downloaded_as_an_attachment_with_the_type_its_bytes_show_and_nosniff()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");

        (string FileName, byte[] Content, string Type)[] files =
        [
            ("勘查实施方案.docx", [.. ZipHead, .. "word/document.xml"u8], Docx),
            ("plan.doc", [.. Ole2Head, .. "compound file"u8], "application/msword"),
            ("plan.ofd", [.. ZipHead, .. "OFD.xml"u8], "application/ofd"),
            ("plan.zip", [.. ZipHead, .. "maps"u8], "application/zip"),
            ("plan.pdf", "%PDF-1.7 plan"u8.ToArray(), "application/pdf"),
        ];
        foreach (var (fileName, content, type) in files)
        {
            var rightId = await RightAsync(authority, holder.Id);

            // The client claims the file is a web page: the service goes by the bytes.
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
            form.Add(file, "file", fileName);
            var plan = await Api.ReadAsync(await holder.Client.PostAsync($"/api/rights/{rightId}/plans", form), HttpStatusCode.Created);

            foreach (var reader in new[] { holder.Client, authority })
            {
                var download = await reader.GetAsync($"/api/rights/{rightId}/plans/{plan["id"]}/document");
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal(type, download.Content.Headers.ContentType?.MediaType);
                Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
                Assert.Equal(fileName, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
                Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
                Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
            }
        }
    }

    [Fact]
    public async Task Every_answer_carries_nosniff_errors_and_the_API_page_included()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var anonymous = factory.CreateClient();
        var admin = await new Api(factory).AdminAsync();

        foreach (var response in new[]
        {
            await admin.GetAsync("/api/jurisdictions"),
            await admin.GetAsync($"/api/rights/{Guid.NewGuid()}"),
            await anonymous.GetAsync("/api/rights"),
            await anonymous.GetAsync("/health"),
            await anonymous.GetAsync("/openapi/index.html"),
            await anonymous.GetAsync("/openapi/v1.json"),
        })
        {
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var values), $"{response.RequestMessage!.RequestUri} ({(int)response.StatusCode}) has no X-Content-Type-Options");
            Assert.Equal("nosniff", Assert.Single(values));
        }
    }

    private static async Task<Guid> RightAsync(HttpClient authority, Guid holderId)
    {
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holderId, Registered)), HttpStatusCode.Created);
        return Guid.Parse(right["id"]!.GetValue<string>());
    }
}
