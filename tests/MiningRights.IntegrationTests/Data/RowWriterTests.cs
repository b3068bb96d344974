using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Data;
using MiningRights.IntegrationTests.Infrastructure;
using MiningRights.Notifications;

namespace MiningRights.IntegrationTests.Data;

/// <summary>
/// The bulk writer under the sweeps (queued rows written with the unit of work, many per statement, in batches where the
/// provider batches), on the provider the tests run on: every value arrives as queued, across statement and batch
/// boundaries; an update of a row changed meanwhile fails the whole save and writes nothing; values set by key reach
/// the rows named and no others.
/// </summary>
public sealed class RowWriterTests
{
    private const int Rows = 2345;

    [Fact]
    public async Task Thousands_of_queued_rows_are_written_as_queued_and_an_update_of_one_row_changed_meanwhile_writes_none()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var batch = Guid.NewGuid().ToString("N");
        var now = new DateTime(2025, 3, 3, 2, 0, 0, DateTimeKind.Utc);
        var queued = Enumerable.Range(0, Rows).Select(i => new Notification
        {
            Key = $"{batch}:{i:D5}",
            InstanceId = Guid.NewGuid(),
            HolderId = i % 2 == 0 ? Guid.NewGuid() : null,
            DeadlineId = i % 3 == 0 ? Guid.NewGuid() : null,
            Stage = $"d-{i % 90}",
            RuleId = "GS-9d",
            Recipient = $"holder{i}@bulk.test",
            Language = i % 2 == 0 ? "zh-CN" : "en",
            Subject = $"探矿权勘查实施方案 {i} / Exploration plan {i}",
            TextBody = new string('文', 1 + (i % 700)),
            HtmlBody = $"<p>{i}</p>",
            Status = i % 5 == 0 ? NotificationStatus.Dead : NotificationStatus.Pending,
            Attempts = i % 4,
            NextAttemptAtUtc = now.AddSeconds(i),
            LastError = i % 7 == 0 ? $"error {i}" : null,
            CreatedAtUtc = now,
            SentAtUtc = i % 11 == 0 ? now.AddMinutes(i) : null,
        }).ToList();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            queued.ForEach(db.QueueInsert);
            Assert.Equal(Rows, await db.SaveChangesAsync());
        }

        var written = await ReadAsync(factory, batch);
        Assert.Equal(Rows, written.Count);
        foreach (var (expected, actual) in queued.Zip(written, (e, a) => (e, a)))
        {
            Assert.Equivalent(expected, actual, strict: true);
        }

        // Every row marked sent under the attempts it was read with; one row is changed by another unit of work first.
        var stale = written[1777];
        await using (var other = factory.Services.CreateAsyncScope())
        {
            await other.ServiceProvider.GetRequiredService<MiningRightsDbContext>().Notifications
                .Where(n => n.Id == stale.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Attempts, n => n.Attempts + 10));
        }

        var failure = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => MarkSentAsync(factory, written));
        Assert.Contains(stale.Id.ToString(), failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await ReadAsync(factory, batch), n => n.Status == NotificationStatus.Sent);

        // Read again, every row is written.
        var again = await ReadAsync(factory, batch);
        await MarkSentAsync(factory, again);
        var sent = await ReadAsync(factory, batch);
        Assert.All(sent.Zip(again), pair =>
        {
            Assert.Equal(NotificationStatus.Sent, pair.First.Status);
            Assert.Equal(pair.Second.Attempts + 1, pair.First.Attempts);
            Assert.Equal($"sent {pair.Second.Key}", pair.First.LastError);
            Assert.Equal(pair.Second.TextBody, pair.First.TextBody);
        });
    }

    [Fact]
    public async Task Values_set_by_key_reach_exactly_the_rows_named_across_statements()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var batch = Guid.NewGuid().ToString("N");
        var now = new DateTime(2025, 3, 3, 2, 0, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, Rows).Select(i => new Notification
        {
            Key = $"{batch}:{i:D5}", InstanceId = Guid.NewGuid(), Stage = "d-30", RuleId = "GS-9d", Recipient = $"holder{i}@bulk.test",
            Language = "zh-CN", Subject = $"主题 {i}", TextBody = $"正文 {i}", HtmlBody = $"<p>{i}</p>", Status = NotificationStatus.Pending,
            NextAttemptAtUtc = now, LastError = $"error {i}", CreatedAtUtc = now,
        }).ToList();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            rows.ForEach(db.QueueInsert);
            await db.SaveChangesAsync();
        }

        // Every third row, more than one statement takes: the enum by its stored name, a UTC time, a null.
        var named = rows.Where((_, i) => i % 3 != 1).Select(n => n.Id).ToHashSet();
        var sentAt = new DateTime(2025, 3, 3, 2, 15, 30, 123, DateTimeKind.Utc);
        int changed;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            changed = await RowWriter.SetAsync<Notification>(scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>(), named.Cast<object>().ToList(),
                [(nameof(Notification.Status), NotificationStatus.Sent), (nameof(Notification.SentAtUtc), sentAt), (nameof(Notification.LastError), null)],
                CancellationToken.None);
        }

        Assert.Equal(named.Count, changed);
        Assert.True(named.Count > 1000, "the keys span more than one statement");
        var stored = await ReadAsync(factory, batch);
        Assert.All(stored, n =>
        {
            if (named.Contains(n.Id))
            {
                Assert.Equal((NotificationStatus.Sent, sentAt, (string?)null), (n.Status, n.SentAtUtc, n.LastError));
            }
            else
            {
                Assert.Equal((NotificationStatus.Pending, (DateTime?)null), (n.Status, n.SentAtUtc));
                Assert.StartsWith("error ", n.LastError);
            }
        });
    }

    private static async Task<List<Notification>> ReadAsync(ServiceFactory factory, string batch)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>().Notifications.AsNoTracking()
            .Where(n => n.Key.StartsWith(batch)).OrderBy(n => n.Key).ToListAsync();
    }

    private static async Task MarkSentAsync(ServiceFactory factory, List<Notification> rows)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
        foreach (var row in rows)
        {
            var readVersion = row.Attempts;
            var changed = new Notification
            {
                Id = row.Id, Key = row.Key, InstanceId = row.InstanceId, Stage = row.Stage, RuleId = row.RuleId, Recipient = row.Recipient,
                Language = row.Language, Subject = row.Subject, TextBody = row.TextBody, HtmlBody = row.HtmlBody,
                Status = NotificationStatus.Sent, Attempts = readVersion + 1, LastError = $"sent {row.Key}",
            };
            db.QueueUpdate(changed, readVersion, [nameof(Notification.Status), nameof(Notification.LastError), nameof(Notification.Attempts)], nameof(Notification.Attempts));
        }

        await db.SaveChangesAsync();
    }
}
