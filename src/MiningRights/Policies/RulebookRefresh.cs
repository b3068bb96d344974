using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MiningRights.Policies;

/// <summary>Takes into force, on this node, the rulebooks an administrator added through another node (every <c>Policies:RefreshSeconds</c>).</summary>
public sealed class RulebookRefresh(IServiceScopeFactory scopes, IOptions<RulebookOptions> options, ILogger<RulebookRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RulebookStore>().RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Looking for added rulebooks failed; trying again in {Seconds} s", options.Value.RefreshSeconds);
            }
        }
    }
}
