using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.IntegrationTests.Infrastructure;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// The audit trail of decisions is a hash chain: sealing it twice changes nothing; <c>verify-audit</c> (the built
/// service's command, run as an operator would) finds it intact, then finds an entry edited behind the service's back
/// and names it; an entry removed is found too.
/// </summary>
public sealed class AuditChainTests
{
    [Fact]
    public async Task The_chain_is_sealed_once_verify_audit_passes_it_and_names_an_entry_edited_or_removed_behind_the_service_s_back()
    {
        using var factory = new ServiceFactory(TestClock.Shanghai(2025, 3, 3, 10));
        var api = new Api(factory);
        var authority = await api.AuthorityAsync();
        var holder = await api.HolderAsync();
        for (var i = 0; i < 3; i++)
        {
            await Api.ReadAsync(await authority.PostAsJsonAsync("/api/rights", Api.ExplorationRight(holder.Id, new DateOnly(2025, 3, 1))), HttpStatusCode.Created);
        }

        var chain = factory.Services.GetRequiredService<AuditChain>();
        var sealedCount = await chain.SealAsync(CancellationToken.None);
        Assert.True(sealedCount >= 3, $"{sealedCount} sealed");
        Assert.Equal(0, await chain.SealAsync(CancellationToken.None));

        var (exit, output) = await ServiceCommand.RunAsync(factory, "verify-audit");
        Assert.True(exit == 0, output);
        Assert.Contains($"Audit chain intact: {sealedCount} entries sealed", output, StringComparison.Ordinal);

        // Someone with the database edits the second entry's account of what happened.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MiningRightsDbContext>();
            var second = await db.AuditEvents.AsNoTracking().Where(a => a.ChainSequence == 2).SingleAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Detail\" = {0} WHERE \"Id\" = {1}", "Approved by the director.", second.Id);
            (exit, output) = await ServiceCommand.RunAsync(factory, "verify-audit");
            Assert.True(exit == 1, output);
            Assert.Contains($"Audit chain broken at entry {second.Id} (place 2 in the chain", output, StringComparison.Ordinal);
            Assert.Contains("1 entries before it are intact", output, StringComparison.Ordinal);

            // Put back, the chain is whole again; the third entry removed, the chain breaks there.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Detail\" = {0} WHERE \"Id\" = {1}", second.Detail, second.Id);
            Assert.True((await chain.VerifyAsync(CancellationToken.None)).Intact);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\" WHERE \"ChainSequence\" = 3");
            var removed = await chain.VerifyAsync(CancellationToken.None);
            Assert.False(removed.Intact);
            Assert.Equal(4, removed.FirstBroken!.ChainSequence);
            Assert.Contains("entry 3 of the chain is missing", removed.Reason, StringComparison.Ordinal);
        }
    }
}
