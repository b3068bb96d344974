using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Workflows;

/// <summary>An instance runs on the definition content it started with, even after the file changes.</summary>
public sealed class DefinitionPinningTests
{
    [Fact]
    public async Task A_running_instance_keeps_the_definition_it_started_with_after_the_file_changes()
    {
        var folder = Path.Combine(ServiceFactory.TestDataRoot, "workflows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "workflows")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var settings = new Dictionary<string, string?> { ["Workflows:Directory"] = folder };
        string dataDirectory;
        string oldHash;
        string oldInstance;
        Guid holderId;
        string holderEmail;
        using (var before = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10), settings: settings))
        {
            var api = new Api(before);
            var authority = await api.AuthorityAsync();
            var holder = await api.HolderAsync("en");
            (holderId, holderEmail) = (holder.Id, holder.Email);
            var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
            oldInstance = Api.Lifecycle(right)["instanceId"]!.GetValue<string>();
            oldHash = (await Api.ReadAsync(await authority.GetAsync($"/api/workflows/instances/{oldInstance}"), HttpStatusCode.OK))["definitionHash"]!.GetValue<string>();
            dataDirectory = before.DataDirectory;
        }

        // The same id and version, edited in place: a new content hash.
        var path = Path.Combine(folder, "exploration-plan-deferral.json");
        var edited = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        edited["notices"]!["planReminder"]!["subject"]!["en"] = "EDITED reminder for {licenseNumber}";
        await File.WriteAllTextAsync(path, edited.ToJsonString());

        using var after = new ServiceFactory(TestClock.Shanghai(2025, 3, 2, 10), dataDirectory, settings);
        var authorityAfter = await new Api(after).AuthorityAsync();
        var instance = await Api.ReadAsync(await authorityAfter.GetAsync($"/api/workflows/instances/{oldInstance}"), HttpStatusCode.OK);
        Assert.Equal(oldHash, instance["definitionHash"]!.GetValue<string>());
        Assert.Equal(1, instance["definitionVersion"]!.GetValue<int>());

        var newRight = await Api.ReadAsync(await authorityAfter.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holderId, new DateOnly(2025, 3, 2))), HttpStatusCode.Created);
        var newHash = (await Api.ReadAsync(await authorityAfter.GetAsync($"/api/workflows/instances/{Api.Lifecycle(newRight)["instanceId"]}"), HttpStatusCode.OK))["definitionHash"]!.GetValue<string>();
        Assert.NotEqual(oldHash, newHash);

        // Each instance's reminder comes from its own definition.
        await after.RunJobsAtAsync(TestClock.Shanghai(2026, 1, 1, 9, 30));
        var mails = await MailDev.ForAsync(holderEmail);
        Assert.Equal(2, mails.Count);
        Assert.Single(mails, m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal));
        Assert.Single(mails, m => m.Subject.StartsWith("EDITED reminder", StringComparison.Ordinal));
    }
}
