using System.Net;
using System.Net.Http.Json;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Paging;

/// <summary>Keyset paging: rights registered while a client pages through the list neither repeat nor push others out.</summary>
public sealed class KeysetPagingTests
{
    [Fact]
    public async Task Paging_through_25_rights_while_new_ones_are_registered_yields_each_original_exactly_once()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 1, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync("en");
        var originals = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            var right = await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
            originals.Add(right["id"]!.GetValue<string>());
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Api.ReadAsync(await authority.GetAsync("/api/rights?pageSize=10" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor))), HttpStatusCode.OK);
            Assert.True(page.ItemCount() <= 10);
            seen.AddRange(page["items"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
            cursor = page["next"]?.GetValue<string>();
            pages++;

            // Between page reads, others register more rights (some at the same moment as the last one read).
            for (var i = 0; i < 3; i++)
            {
                await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
            }

            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        while (cursor is not null && pages < 20);

        Assert.Null(cursor);
        var duplicates = seen.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.Empty(originals.Except(seen));
    }
}
