using Microsoft.Extensions.DependencyInjection;

namespace MiningRights.Workflows;

/// <summary>Raises what happened to every process trigger declared for it, in the caller's unit of work (see <see cref="IProcessTrigger{TEvent}"/>).</summary>
public sealed class ProcessTriggers(IServiceProvider services)
{
    /// <summary>Runs every trigger of <typeparamref name="TEvent"/> in the order declared; answers their remarks.</summary>
    public async Task<IReadOnlyList<string>> RaiseAsync<TEvent>(TEvent happened, CancellationToken ct)
    {
        var remarks = new List<string>();
        foreach (var trigger in services.GetServices<IProcessTrigger<TEvent>>())
        {
            if (await trigger.OnAsync(happened, ct) is { Length: > 0 } remark)
            {
                remarks.Add(remark);
            }
        }

        return remarks;
    }
}
