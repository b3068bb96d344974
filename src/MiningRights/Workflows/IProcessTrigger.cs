namespace MiningRights.Workflows;

/// <summary>
/// A process a feature starts when something happens elsewhere (a right comes into force, a contract is signed): the
/// feature where it happens raises <typeparamref name="TEvent"/> through <see cref="ProcessTriggers"/> and names no one
/// who listens; each listening feature declares its trigger in its AddXxx
/// (<see cref="WorkflowServiceCollectionExtensions.AddProcessTrigger{TEvent, TTrigger}"/>). It runs in the caller's unit
/// of work and may answer a remark for the caller's record (or null).
/// </summary>
public interface IProcessTrigger<in TEvent>
{
    Task<string?> OnAsync(TEvent happened, CancellationToken ct);
}
