using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Deadlines;

namespace MiningRights.Workflows;

/// <summary>
/// What waits for a reader, read from the definitions rather than listed by feature: every running instance the reader
/// sees whose current state takes a signal of the reader's role that the reader may send there (an Authority officer:
/// from the subject's registration authority, or its location for a signal that acts there). So a plan to decide, a
/// report or a relief claim to accept, a verification result, a renewal application or a case to dispose is in the queue
/// because its workflow file says the officer acts next; a new process needs nothing here. Soonest due first (the
/// instance's open deadline), then those without a date, the longest waiting first.
/// </summary>
public sealed class WorkQueue(MiningRightsDbContext db, InstanceAccess access, WorkflowRegistry registry, Policies.PolicyBook policies, TimeProvider time)
{
    public const int MaxItems = 200;

    /// <summary>A step the reader may take on an instance now, with the soonest date it is due by; <c>Signals</c> names each of <c>Steps</c>, in order.</summary>
    public sealed record Item(
        Guid InstanceId,
        string DefinitionId,
        LocalizedText Process,
        string SubjectKind,
        Guid SubjectId,
        string SubjectLabel,
        Guid? DossierId,
        LocalizedText Status,
        IReadOnlyList<LocalizedText> Steps,
        DateOnly? DueOn,
        string RuleId,
        DateTime WaitingSinceUtc,
        IReadOnlyList<string> Signals);

    /// <summary>
    /// The reader's queue, at most <see cref="MaxItems"/>: an officer's steps (Authority or Inspector), a holder's own.
    /// An administrator, who may send any signal, has no queue of its own.
    /// </summary>
    public async Task<IReadOnlyList<Item>> ForAsync(Actor user, CancellationToken ct)
    {
        if (new[] { Roles.Authority, Roles.Inspector, Roles.Holder }.FirstOrDefault(user.Roles.Contains) is not { } role)
        {
            return [];
        }

        // Each (definition, state) whose state takes a signal of this role, from every loaded version.
        var waiting = registry.Definitions
            .SelectMany(d => d.Definition.Transitions
                .Where(t => t.Signal is not null && d.Definition.Signals[t.Signal].Roles.Contains(role))
                .Select(t => d.Definition.Id + "/" + t.From))
            .ToHashSet(StringComparer.Ordinal);
        if (waiting.Count == 0)
        {
            return [];
        }

        var keys = waiting.ToList();
        var rows = await (await access.VisibleAsync(user, ct)).AsNoTracking()
            .Where(i => !i.Finished && keys.Contains(i.DefinitionId + "/" + i.State))
            .Select(i => new
            {
                Instance = i,
                Due = db.Set<Deadline>().Where(d => d.InstanceId == i.Id && d.State == DeadlineState.Open).OrderBy(d => d.DueOn)
                    .Select(d => new { d.DueOn, d.RuleId }).FirstOrDefault(),
            })
            .OrderBy(r => r.Due == null).ThenBy(r => r.Due!.DueOn).ThenBy(r => r.Instance.UpdatedAtUtc).ThenBy(r => r.Instance.Id)
            // Twice the page: the filter above is by state name across versions, and the exact check below (this version's
            // signals, where the reader may act) can drop some rows.
            .Take(MaxItems * 2)
            .ToListAsync(ct);

        var items = new List<Item>();
        foreach (var row in rows)
        {
            var instance = row.Instance;
            var definition = (await registry.ResolveAsync(instance, db, ct)).Definition;
            var steps = new List<(TransitionDefinition Transition, SignalDefinition Signal)>();
            foreach (var transition in definition.Transitions.Where(t => t.From == instance.State && t.Signal is not null).DistinctBy(t => t.Signal))
            {
                var signal = definition.Signals[transition.Signal!];
                if (signal.Roles.Contains(role) && await access.MayActAsync(user, instance, [role], ct, signal.ActsAt))
                {
                    steps.Add((transition, signal));
                }
            }

            if (steps.Count == 0)
            {
                continue;
            }

            items.Add(new Item(instance.Id, definition.Id, definition.Title, instance.SubjectKind, instance.SubjectId, instance.SubjectLabel, instance.DossierId,
                definition.States[instance.State].Status, steps.Select(s => s.Signal.Label).ToList(), row.Due?.DueOn,
                row.Due?.RuleId ?? policies.Cite(steps[0].Transition.Rule, definition.Rules, new Policies.RuleSubject(instance.JurisdictionCode),
                    WorkflowRuntime.ArisenOn(instance), Time.ProvinceCalendar.China.DateAt(time.GetUtcNow())).RuleId, instance.UpdatedAtUtc,
                steps.Select(s => s.Transition.Signal!).ToList()));
            if (items.Count == MaxItems)
            {
                break;
            }
        }

        return items;
    }
}
