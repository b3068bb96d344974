using System.Net;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Hosting;

/// <summary>The host itself: health, the API description, and refusing to start on a broken workflow file.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Health_answers_Healthy_without_signing_in()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        using var report = await factory.WaitUntilHealthyAsync();

        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Scheduler running.", report.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_rights_and_plans_endpoints()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("/api/rights", text, StringComparison.Ordinal);
        Assert.Contains("/api/rights/{rightId}/plans", text, StringComparison.Ordinal);

        var paths = JsonNode.Parse(text)!["paths"]!.AsObject().Select(p => p.Key.TrimEnd('/')).ToList();
        Assert.Contains("/api/rights", paths);
        Assert.Contains("/api/rights/{rightId}/plans", paths);
        Assert.Contains("/api/rights/{rightId}/plans/{planId}/decision", paths);
    }

    [Fact]
    public async Task The_Swagger_UI_page_is_served_under_openapi()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var response = await factory.CreateClient().GetAsync("/openapi/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("swagger-ui", html, StringComparison.Ordinal);
        Assert.Contains("MiningRights API", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_file_naming_an_unknown_activity_stops_the_start_with_the_file_the_path_and_the_reason()
    {
        var folder = Path.Combine(ServiceFactory.TestDataRoot, "workflows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var source = Path.Combine(RepositoryRoot.Find(), "workflows");
            File.Copy(Path.Combine(source, "workflow.schema.json"), Path.Combine(folder, "workflow.schema.json"));
            var json = File.ReadAllText(Path.Combine(source, "exploration-plan-deferral.json"));
            const string Known = "\"activity\": \"openCase\"";
            Assert.Contains(Known, json, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "exploration-plan-deferral.json"), json.Replace(Known, "\"activity\": \"openDossier\"", StringComparison.Ordinal));

            using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10), settings: new Dictionary<string, string?> { ["Workflows:Directory"] = folder });
            var thrown = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

            var invalid = ExceptionChain.Of(thrown).OfType<WorkflowDefinitionException>().FirstOrDefault();
            Assert.True(invalid is not null, "No WorkflowDefinitionException in: " + thrown);
            Assert.Contains("exploration-plan-deferral.json", invalid.Message, StringComparison.Ordinal);
            Assert.Contains("$.states.inCase.onEntry[0].activity", invalid.Message, StringComparison.Ordinal);
            Assert.Contains("unknown activity 'openDossier'", invalid.Message, StringComparison.Ordinal);
            var problem = Assert.Single(invalid.Problems);
            Assert.Equal("$.states.inCase.onEntry[0].activity", problem.JsonPath);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
