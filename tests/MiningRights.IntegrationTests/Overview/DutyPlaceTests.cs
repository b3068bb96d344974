using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Overview;

/// <summary>
/// The overview counts duties by what each deadline carries of its instance (place, authority, whether its process has
/// ended), not by reading the instances: those copies must follow the instance through the workflow runtime, for every
/// deadline of it whatever its state (an expired duty is counted as overdue until its process ends).
/// </summary>
public sealed class DutyPlaceTests
{
    [Fact]
    public async Task A_rights_deadlines_carry_its_place_follow_it_when_it_moves_and_are_settled_when_its_processes_end()
    {
        await using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 10, 10));
        var api = new Api(factory);
        var holder = await api.HolderAsync();
        var authority = await api.AuthorityAsync("620000");
        var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        var rightId = Guid.Parse(right["id"]!.GetValue<string>());

        // Opened with the right's county (肃北) and authority, its processes running.
        var opened = await DeadlinesAsync(factory, rightId);
        Assert.NotEmpty(opened);
        Assert.All(opened, d => Assert.Equal(("620923", "620000", (DateTime?)null), (d.JurisdictionCode, d.AuthorityCode, d.ProcessFinishedAtUtc)));

        // The first holder duty's day passes: the sweep expires it (still counted, as overdue).
        var first = opened.Where(d => d.State == DeadlineState.Open && !d.Escalation).MinBy(d => d.DueOn)!;
        factory.Clock.Set(TestClock.Shanghai(first.DueOn.Year, first.DueOn.Month, first.DueOn.Day).AddDays(2));
        await factory.SweepAsync();
        Assert.Equal(DeadlineState.Expired, (await DeadlinesAsync(factory, rightId)).Single(d => d.Id == first.Id).State);

        // The subject now lies in 肃州 (as a block's place follows it when it becomes a right): every deadline of its
        // running processes follows, the expired one included.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var subject = RightSubjectKind.Describe(await db.Rights.SingleAsync(r => r.Id == rightId), "测试矿业有限公司") with { JurisdictionCode = "620902" };
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FollowSubjectAsync(subject, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var followed = await DeadlinesAsync(factory, rightId);
        Assert.Contains(followed, d => d.Id == first.Id && d.ProcessFinishedAtUtc is null);
        Assert.All(followed.Where(d => d.ProcessFinishedAtUtc is null), d => Assert.Equal(("620902", "620000", (DateTime?)null), (d.JurisdictionCode, d.AuthorityCode, d.ProcessFinishedAtUtc)));

        // Its processes end (as when the right is withdrawn): every deadline is settled at that moment, the expired one too.
        using (var scope = factory.Services.CreateScope())
        {
            var ended = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().EndRunningAsync(
                new SubjectRef(RightSubjectKind.Kind, rightId), Guid.Empty, "GS-9d", "test", Actor.System("test"), CancellationToken.None);
            Assert.True(ended > 0);
            await scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>().SaveChangesAsync();
        }

        var settled = await DeadlinesAsync(factory, rightId);
        Assert.All(settled, d => Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, d.ProcessFinishedAtUtc));
        Assert.Equal(DeadlineState.Expired, settled.Single(d => d.Id == first.Id).State);
    }

    private static async Task<List<Deadline>> DeadlinesAsync(ServiceFactory factory, Guid rightId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        var instances = db.WorkflowInstances.Where(i => i.DossierId == rightId && i.SubjectKind == RightSubjectKind.Kind).Select(i => i.Id);
        return await db.Deadlines.AsNoTracking().Where(d => instances.Contains(d.InstanceId)).ToListAsync();
    }
}
