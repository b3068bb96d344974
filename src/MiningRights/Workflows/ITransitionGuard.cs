namespace MiningRights.Workflows;

/// <summary>
/// A named condition a transition may carry (<c>"guard": "serviceLifeWithinCap"</c>), written in C# and checked at
/// start like activities. Of several transitions a signal could fire, the first whose guard holds fires; when none
/// does, the first guard's refusal is the answer.
/// </summary>
public interface ITransitionGuard
{
    string Name { get; }

    /// <summary>Null when the transition may fire; otherwise the refusal to give (its status, rule and reason).</summary>
    Task<RefusalException?> CheckAsync(ActivityContext context, CancellationToken cancellationToken);
}
