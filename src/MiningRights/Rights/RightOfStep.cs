using MiningRights.Workflows;

namespace MiningRights.Rights;

/// <summary>The right a step's subject concerns, for the activities and guards of the features that act on rights.</summary>
public static class RightOfStep
{
    /// <summary>The right, tracked for change; an activity that needs one fails loudly without it.</summary>
    public static async Task<MiningRight> RightAsync(this ActivityContext context, CancellationToken ct) =>
        context.Subject.DossierId is { } id
            ? await context.Db.Rights.FindAsync([id], ct) ?? throw new InvalidOperationException($"Right {id} of {context.Subject.Kind} {context.Subject.Id} does not exist.")
            : throw new InvalidOperationException($"{context.Definition.File}: the {context.Subject.Kind} {context.Subject.Id} concerns no right.");
}
