using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Notifications;

/// <summary>
/// A holder reads the notices sent to its own contact addresses about its own rights: never the copies the same events
/// sent to officers, never another holder's. Officers have the outbox instead.
/// </summary>
public sealed class ReceivedNoticeTests
{
    [Fact]
    public async Task A_holder_reads_only_the_notices_sent_to_its_own_addresses()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 6, 20, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var inspectorEmail = $"inspector-{Guid.NewGuid():N}@example.cn";
        await api.AccountAsync("Inspector", "620900", email: inspectorEmail);
        var holder = await api.HolderAsync("zh-CN");
        var other = await api.HolderAsync("en");
        // Registered a year ago, the plan is overdue: the holder is told, the inspectors get the case.
        await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2024, 6, 1))), HttpStatusCode.Created);
        await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(other.Id, new DateOnly(2024, 6, 1))), HttpStatusCode.Created);
        await factory.SweepAsync();
        await factory.DeliverAsync();

        var admin = await api.AdminAsync();
        var outbox = await Api.ReadAsync(await admin.GetAsync("/api/notifications?pageSize=100"), HttpStatusCode.OK);
        Assert.Contains(outbox["items"]!.AsArray(), n => n!["recipient"]!.GetValue<string>() == inspectorEmail);

        var received = await Api.ReadAsync(await holder.Client.GetAsync("/api/holders/me/notices"), HttpStatusCode.OK);
        var items = received["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.All(items, n =>
        {
            Assert.Equal(holder.Email, n!["recipient"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(n["ruleId"]!.GetValue<string>()));
            Assert.Equal("sent", n["status"]!.GetValue<string>());
        });
        Assert.Contains(items, n => n!["subject"]!.GetValue<string>().StartsWith("【逾期】", StringComparison.Ordinal));

        var theirs = (await Api.ReadAsync(await other.Client.GetAsync("/api/holders/me/notices"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.NotEmpty(theirs);
        Assert.All(theirs, n => Assert.Equal(other.Email, n!["recipient"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await authority.GetAsync("/api/holders/me/notices")).StatusCode);
    }
}
