using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Paging;
using MiningRights.Policies;
using MiningRights.Rights;
using MiningRights.Time;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// The monitored duties the caller may see, soonest due first: a holder lists all of its own (across its rights), an
/// officer or inspector those of one right it may see. Finished duties are listed only when asked for.
/// </summary>
public sealed class ObligationQueries(MiningRightsDbContext db, RightAccess rights, InstanceAccess access, WorkflowRegistry registry, WorkflowRuntime runtime, TimeProvider time)
{
    /// <summary>Most duties one listing reads: a holder with more narrows it by right.</summary>
    private const int MostRead = 5_000;

    public async Task<Page<ObligationView>> ListAsync(Actor user, Guid? rightId, bool includeFinished, PageRequest page, CancellationToken ct)
    {
        if (rightId is { } id)
        {
            await rights.GetAsync(user, id, ct);
        }
        else if (!user.IsHolder)
        {
            throw RefusalException.Invalid("rightId", "Name the right (rightId) whose obligations to list; a holder may list all of its own without it.",
                "请指定要列出其义务的矿业权（rightId）；矿业权人不指定时可列出其自身的全部义务。");
        }

        var visible = await access.VisibleAsync(user, ct);
        var query = visible.AsNoTracking().Where(i => PerformanceEvaluator.AllDuties.Contains(i.DefinitionId));
        query = rightId is { } right ? query.Where(i => i.DossierId == right) : query.Where(i => i.HolderId == user.HolderId);
        if (!includeFinished)
        {
            query = query.Where(i => !i.Finished);
        }

        var instances = await query.OrderBy(i => i.Id).Take(MostRead).ToListAsync(ct);
        var views = await ViewsAsync(instances, ct);
        var ordered = views.OrderBy(v => v.DueOn).ThenBy(v => v.InstanceId).AsEnumerable();
        if (page.Keys(2) is [var due, var after])
        {
            var afterDue = DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var afterId = PageRequest.ReadGuid(after);
            ordered = ordered.Where(v => v.DueOn > afterDue || (v.DueOn == afterDue && v.InstanceId.CompareTo(afterId) > 0));
        }

        return page.Build(ordered.Take(page.Size + 1).ToList(), v => [v.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.InstanceId.ToString()], v => v);
    }

    private async Task<List<ObligationView>> ViewsAsync(List<WorkflowInstance> instances, CancellationToken ct)
    {
        var ids = instances.Select(i => i.Id).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.InstanceId))
            .GroupBy(c => c.InstanceId).Select(g => new { InstanceId = g.Key, CaseId = g.OrderByDescending(c => c.OpenedAtUtc).Select(c => c.Id).First() })
            .ToDictionaryAsync(x => x.InstanceId, x => x.CaseId, ct);
        var pending = new HashSet<Guid>();
        foreach (var right in instances.Select(i => i.DossierId).OfType<Guid>().Distinct())
        {
            pending.UnionWith(await PerformanceEvaluator.PendingReliefAsync(db, right, ct));
        }

        var now = time.GetUtcNow();
        var views = new List<ObligationView>(instances.Count);
        foreach (var instance in instances)
        {
            var loaded = await registry.ResolveAsync(instance, db, ct);
            var definition = loaded.Definition;
            var values = new InstanceValues(instance);
            var due = PerformanceEvaluator.DueOf(values);
            var ruleId = values.Get("ruleId") is { Length: > 0 } own ? own
                : definition.Deadlines.TryGetValue(PerformanceEvaluator.DueDeadline, out var deadline) ? deadline.Rule : definition.Rules[0];
            var rule = runtime.Cite(instance, loaded, await runtime.Subjects.GetAsync(instance.Subject, ct), ruleId).Rules[0];
            ruleId = rule.Id;
            var state = definition.States[instance.State];
            views.Add(new ObligationView(instance.Id, instance.DossierId!.Value, instance.SubjectLabel, instance.DefinitionId,
                values.Get("obligationZh") ?? definition.Title.Zh, values.Get("obligationEn") ?? definition.Title.En,
                values.Get("clause") ?? ruleId, ruleId, rule.SourceZh, rule.SourceEn,
                due, ProvinceCalendar.China.DaysLeft(due, now), instance.State, state.Status.Zh, state.Status.En, instance.Finished,
                pending.Contains(instance.Id), cases.GetValueOrDefault(instance.Id) is var caseId && caseId != Guid.Empty ? caseId : null,
                definition.SignalsFrom(instance.State).Where(signal => !definition.Signals[signal].Dedicated).ToList()));
        }

        return views;
    }
}
