using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Hosting;

/// <summary>
/// <c>backup DIR</c> (the built service's command) copies the embedded database and the uploaded files while the service
/// runs and writes; a service started on the copy has every right with its deadlines, the notices, and the plan file
/// byte for byte. On PostgreSQL the command refuses, pointing at the server's own tools.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_the_service_writes_restores_every_right_deadline_notice_and_file()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 6, 20, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync();
        var target = Path.Combine(ServiceFactory.TestDataRoot, "backup-" + Guid.NewGuid().ToString("N"));
        if (TestDatabase.OnPostgres)
        {
            var (refused, said) = await ServiceCommand.RunAsync(factory, "backup", target);
            Assert.True(refused == 2, said);
            Assert.Contains("pg_dump", said, StringComparison.Ordinal);
            Assert.False(Directory.Exists(target));
            return;
        }

        var overdue = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2024, 6, 1))), HttpStatusCode.Created);
        var planned = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var plan = "%PDF-1.7\n勘查实施方案 backup\n%%EOF"u8.ToArray();
        Assert.Equal(HttpStatusCode.Created, (await Api.SubmitPlanAsync(holder.Client, Guid.Parse(planned["id"]!.GetValue<string>()), plan)).StatusCode);
        await factory.SweepAsync();
        await factory.DeliverAsync();
        var admin = await api.AdminAsync();
        var notices = (await Api.ReadAsync(await admin.GetAsync("/api/notifications?pageSize=200"), HttpStatusCode.OK)).ItemCount();
        Assert.True(notices >= 1);

        // The backup runs while rights keep being registered.
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
            }
        });
        var (exit, output) = await ServiceCommand.RunAsync(factory, "backup", target);
        await writing;
        Assert.True(exit == 0, output);
        Assert.Contains("Backed up the database", output, StringComparison.Ordinal);

        using var restored = new ServiceFactory(TestClock.Shanghai(2025, 6, 20, 11), settings: new Dictionary<string, string?> { ["Storage:DataDirectory"] = target });
        var restoredAdmin = await new Api(restored).AdminAsync();
        var rights = (await Api.ReadAsync(await restoredAdmin.GetAsync("/api/rights?pageSize=200"), HttpStatusCode.OK))["items"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.InRange(rights.Count, 2, 17);
        Assert.Contains(rights, r => r["id"]!.GetValue<string>() == overdue["id"]!.GetValue<string>());
        // Consistent: every right restored has its processes and its open deadlines, none half-written.
        Assert.All(rights, r => Assert.NotEmpty(r["workflows"]!.AsArray()));
        Assert.All(rights.Where(r => r["status"]!.GetValue<string>() == "active"), r => Assert.NotEmpty(r["openDeadlines"]!.AsArray()));
        Assert.Equal(notices, (await Api.ReadAsync(await restoredAdmin.GetAsync("/api/notifications?pageSize=200"), HttpStatusCode.OK)).ItemCount());
        var plans = await restoredAdmin.GetFromJsonAsync<JsonArray>($"/api/rights/{planned["id"]}/plans");
        var document = await restoredAdmin.GetByteArrayAsync($"/api/rights/{planned["id"]}/plans/{plans![0]!["id"]}/document");
        Assert.Equal(plan, document);

        // A second backup into the same folder is refused: backups never mix.
        var (again, refusedOutput) = await ServiceCommand.RunAsync(factory, "backup", target);
        Assert.True(again == 2, refusedOutput);
    }
}
