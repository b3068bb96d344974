using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Workflows;

namespace MiningRights.IntegrationTests.Data;

/// <summary>
/// A large save's tracked changes go through the bulk writer, on the provider the tests run on: instances updated under
/// their versions, journal entries whose keys the database generates, new deadlines; every value arrives as EF Core
/// would have written it, an instance changed meanwhile fails the whole save and writes nothing, and a save the bulk
/// writer does not take (a row deleted among them) is EF Core's, as before.
/// </summary>
public sealed class TrackedRowsTests
{
    private const int Instances = 300;

    [Fact]
    public async Task A_large_save_writes_updates_identity_rows_and_new_rows_as_tracked_and_a_stale_version_writes_nothing()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var ids = await SeedAsync(factory);

        // One instance is moved by another unit of work after it was read: the whole save fails.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var read = await TransitionAsync(db, ids);
            await using (var other = factory.Services.CreateAsyncScope())
            {
                await other.ServiceProvider.GetRequiredService<MiningRightsDbContext>().WorkflowInstances
                    .Where(i => i.Id == ids[123]).ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, i => i.Version + 1));
            }

            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            Assert.Equal(EntityState.Modified, db.Entry(read[0]).State);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            Assert.Equal(0, await db.Journal.CountAsync(j => ids.Contains(j.InstanceId)));
            Assert.Equal(0, await db.Deadlines.CountAsync(d => ids.Contains(d.InstanceId)));
            Assert.Equal(Instances - 1, await db.WorkflowInstances.CountAsync(i => ids.Contains(i.Id) && i.State == "open" && i.Version == 1));
        }

        // Read again: every row is written.
        List<WorkflowInstance> moved;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            moved = await TransitionAsync(db, ids);

            // A column this unit of work changed on one row only, changed meanwhile on another row without a new
            // version, is not written back there.
            moved[0].SubjectLabel = "renamed";
            await using (var other = factory.Services.CreateAsyncScope())
            {
                await other.ServiceProvider.GetRequiredService<MiningRightsDbContext>().WorkflowInstances
                    .Where(i => i.Id == ids[5]).ExecuteUpdateAsync(s => s.SetProperty(i => i.SubjectLabel, "relabelled"));
            }

            var journal = db.ChangeTracker.Entries<JournalEntry>().Select(e => e.Entity).ToList();
            Assert.Equal(Instances * 3, await db.SaveChangesAsync());

            // Their keys were the database's to make: written, they are no longer tracked under a placeholder.
            Assert.All(journal, j => Assert.Equal(EntityState.Detached, db.Entry(j).State));
            Assert.All(moved, i => Assert.Equal(EntityState.Unchanged, db.Entry(i).State));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var instances = await db.WorkflowInstances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id);
            var entries = await db.Journal.AsNoTracking().Where(j => ids.Contains(j.InstanceId)).ToListAsync();
            var deadlines = await db.Deadlines.AsNoTracking().Where(d => ids.Contains(d.InstanceId)).ToListAsync();
            Assert.All(moved, expected =>
            {
                var stored = instances[expected.Id];
                Assert.Equal(("overdue", expected.Version, expected.DatesJson), (stored.State, stored.Version, stored.DatesJson));
                Assert.Equal(expected.Id == ids[123] ? 3 : 2, stored.Version);
            });
            Assert.Equal(("renamed", "relabelled"), (instances[ids[0]].SubjectLabel, instances[ids[5]].SubjectLabel));
            Assert.Equal(Instances, entries.Select(j => j.Id).Distinct().Count());
            Assert.All(entries, j => Assert.Equal((instances[j.InstanceId].Version, "deadline:due", "CN-GEODATA"), (j.Sequence, j.Trigger, j.RuleId)));
            Assert.Equal(Instances, deadlines.Count);
            Assert.All(deadlines, d => Assert.Equal(("caseGrace", new DateOnly(2025, 3, 18), DeadlineState.Open), (d.Name, d.DueOn, d.State)));
        }
    }

    [Fact]
    public async Task A_large_save_with_a_row_deleted_is_written_by_EF_Core_whole()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var ids = await SeedAsync(factory);
        var deleted = Guid.NewGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            db.Deadlines.Add(NewDeadline(ids[0], deleted, "toDelete"));
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            await TransitionAsync(db, ids);
            db.Deadlines.Remove(await db.Deadlines.SingleAsync(d => d.Id == deleted));
            var journal = db.ChangeTracker.Entries<JournalEntry>().Select(e => e.Entity).ToList();
            Assert.Equal((Instances * 3) + 1, await db.SaveChangesAsync());

            // EF Core read the keys it made back and keeps tracking the rows.
            Assert.All(journal, j => Assert.True(j.Id > 0 && db.Entry(j).State == EntityState.Unchanged));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            Assert.False(await db.Deadlines.AnyAsync(d => d.Id == deleted));
            Assert.Equal(Instances, await db.Journal.CountAsync(j => ids.Contains(j.InstanceId)));
            Assert.Equal(Instances, await db.WorkflowInstances.CountAsync(i => ids.Contains(i.Id) && i.State == "overdue"));
        }
    }

    /// <summary>Instances running the geological-data duty, written straight into the database.</summary>
    private static async Task<List<Guid>> SeedAsync(ServiceFactory factory)
    {
        var now = new DateTime(2025, 3, 3, 2, 0, 0, DateTimeKind.Utc);
        var instances = Enumerable.Range(0, Instances).Select(i => new WorkflowInstance
        {
            DefinitionId = "geological-data",
            DefinitionVersion = 1,
            DefinitionHash = "test",
            State = "open",
            DatesJson = "{\"dueOn\":\"2025-03-02\"}",
            Version = 1,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            SubjectKind = "right",
            SubjectId = Guid.NewGuid(),
            SubjectLabel = $"T62{i:D15}",
            JurisdictionCode = "620923",
            AuthorityCode = "620000",
        }).ToList();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        instances.ForEach(db.QueueInsert);
        await db.SaveChangesAsync();
        return instances.Select(i => i.Id).ToList();
    }

    /// <summary>What an expiry does to each instance, tracked: state and dates changed under a new version, a journal entry, a new deadline.</summary>
    private static async Task<List<WorkflowInstance>> TransitionAsync(MiningRightsDbContext db, List<Guid> ids)
    {
        var instances = await db.WorkflowInstances.Where(i => ids.Contains(i.Id)).OrderBy(i => i.SubjectLabel).ToListAsync();
        foreach (var instance in instances)
        {
            instance.State = "overdue";
            instance.DatesJson = "{\"dueOn\":\"2025-03-02\",\"missedDue\":\"2025-03-02\"}";
            instance.Version++;
            db.Journal.Add(new JournalEntry
            {
                InstanceId = instance.Id, Sequence = instance.Version, AtUtc = new DateTime(2025, 3, 3, 2, 0, 0, DateTimeKind.Utc), Actor = "system:deadline",
                Trigger = "deadline:due", FromState = "open", ToState = "overdue", RuleId = "CN-GEODATA", Note = "due 2025-03-02 passed",
            });
            db.Deadlines.Add(NewDeadline(instance.Id, Guid.NewGuid(), "caseGrace"));
        }

        return instances;
    }

    private static Deadline NewDeadline(Guid instanceId, Guid id, string name) => new()
    {
        Id = id,
        InstanceId = instanceId,
        Name = name,
        RuleId = "GS-10b",
        WhatZh = "逾期立案宽限期",
        WhatEn = "Grace before the overdue duty becomes a case",
        DueOn = new DateOnly(2025, 3, 18),
        Escalation = true,
        JurisdictionCode = "620923",
        AuthorityCode = "620000",
        CreatedAtUtc = new DateTime(2025, 3, 3, 2, 0, 0, DateTimeKind.Utc),
    };
}
