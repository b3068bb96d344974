using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Renewals;

/// <summary>Every right in force is tracked to its expiry (CN-RENEW): its term's renewal process starts when the term begins.</summary>
public sealed class RenewalOnTerm(WorkflowRuntime runtime, WorkflowRegistry registry) : IProcessTrigger<RightInForce>
{
    public async Task<string?> OnAsync(RightInForce happened, CancellationToken ct)
    {
        var right = happened.Right;
        await RenewalTracking.StartAsync(runtime, registry, happened.Parameters, right, happened.Actor, ct, happened.AsOf, happened.JudgedFrom);
        if (happened.JudgedFrom is not { } day)
        {
            return null;
        }

        // Said only when ApplyBy, the one place that moves the day, moved it.
        var due = right.ExpiresOn.AddDays(-happened.Parameters.RenewalLeadDays);
        return RenewalTracking.ApplyBy(right, happened.Parameters, day) != due
            ? $"Its renewal was to be applied for by {due:yyyy-MM-dd} (CN-RENEW, {happened.Parameters.RenewalLeadDays} days before expiry), before the import on {day:yyyy-MM-dd}: the holder may apply until it expires on {right.ExpiresOn:yyyy-MM-dd}."
            : null;
    }
}
