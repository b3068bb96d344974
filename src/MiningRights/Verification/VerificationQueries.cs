using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Paging;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Verification;

/// <summary>
/// Batches and tasks as officers read them: a batch for officers of its authority or above; a task for officers of its
/// county or above and of the authority its result goes to. Anything else, a county officer of another county
/// included, is not found.
/// </summary>
public sealed class VerificationQueries(MiningRightsDbContext db, Access access, WorkflowRegistry registry)
{
    public async Task<IReadOnlyList<BatchView>> BatchesAsync(Actor user, string? quarter, CancellationToken ct)
    {
        var batches = await (await VisibleBatchesAsync(user, ct)).AsNoTracking()
            .Where(b => quarter == null || b.Quarter == quarter)
            .OrderByDescending(b => b.Quarter).ThenBy(b => b.AuthorityCode).Take(PageRequest.MaxSize).ToListAsync(ct);
        return await ViewsAsync(batches, ct);
    }

    public async Task<BatchDetail> BatchAsync(Actor user, Guid id, CancellationToken ct)
    {
        var batch = await (await VisibleBatchesAsync(user, ct)).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct)
            ?? throw RefusalException.NotFound($"Verification batch {id}", $"核查批次 {id}");
        var tasks = await TaskViewsAsync(db.VerificationTasks.AsNoTracking().Where(t => t.BatchId == id), null, int.MaxValue, ct);
        return new BatchDetail((await ViewsAsync([batch], ct))[0], tasks);
    }

    /// <summary>The tasks the user sees, by licence number, keyset-paged.</summary>
    public async Task<Page<TaskView>> TasksAsync(Actor user, Guid? batchId, PageRequest page, CancellationToken ct)
    {
        var query = (await VisibleTasksAsync(user, ct)).AsNoTracking().Where(t => batchId == null || t.BatchId == batchId);
        var after = page.Keys(2);
        var rows = await TaskViewsAsync(query, after, page.Size + 1, ct);
        return page.Build(rows, r => [r.LicenseNumber, r.Id.ToString()], r => r);
    }

    public async Task<TaskView> TaskAsync(Actor user, Guid id, CancellationToken ct) =>
        (await TaskViewsAsync((await VisibleTasksAsync(user, ct)).AsNoTracking().Where(t => t.Id == id), null, 1, ct)).SingleOrDefault()
            ?? throw RefusalException.NotFound($"Verification task {id}", $"核查任务 {id}");

    // Verification is the authorities' own work: no holder sees it.
    private Task<IQueryable<VerificationBatch>> VisibleBatchesAsync(Actor user, CancellationToken ct) =>
        access.VisibleAsync(user, db.VerificationBatches, heldBy: null, codes => b => codes.Contains(b.AuthorityCode), ct);

    private Task<IQueryable<VerificationTask>> VisibleTasksAsync(Actor user, CancellationToken ct) =>
        access.VisibleAsync(user, db.VerificationTasks, heldBy: null, codes => t => codes.Contains(t.CountyCode) || codes.Contains(t.ReportsTo), ct);

    private async Task<List<BatchView>> ViewsAsync(IReadOnlyList<VerificationBatch> batches, CancellationToken ct)
    {
        var ids = batches.Select(b => b.Id).ToList();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectKind == BatchSubjectKind.Kind && ids.Contains(i.SubjectId))
            .ToDictionaryAsync(i => i.SubjectId, ct);
        var counts = (await db.VerificationTasks.AsNoTracking().Where(t => ids.Contains(t.BatchId))
                .Select(t => new { t.BatchId, Done = db.Set<WorkflowInstance>().Any(i => i.SubjectKind == TaskSubjectKind.Kind && i.SubjectId == t.Id && i.Finished) })
                .ToListAsync(ct))
            .GroupBy(x => x.BatchId).ToDictionary(g => g.Key, g => (Tasks: g.Count(), Done: g.Count(x => x.Done)));
        return batches.Select(b =>
        {
            var instance = instances.GetValueOrDefault(b.Id);
            var count = counts.GetValueOrDefault(b.Id);
            return new BatchView(b.Id, b.AuthorityCode, b.Quarter, b.WindowFrom, b.WindowTo, instance?.Id, instance?.State, count.Tasks, count.Done);
        }).ToList();
    }

    private async Task<List<TaskView>> TaskViewsAsync(IQueryable<VerificationTask> tasks, string[]? after, int take, CancellationToken ct)
    {
        var joined = tasks.Join(db.Rights, t => t.RightId, r => r.Id, (t, r) => new { Task = t, r.LicenseNumber })
            .Join(db.VerificationBatches, x => x.Task.BatchId, b => b.Id, (x, b) => new { x.Task, x.LicenseNumber, b.Quarter });
        if (after is { } keys)
        {
            var number = keys[0];
            var id = PageRequest.ReadGuid(keys[1]);
            joined = joined.Where(x => string.Compare(x.LicenseNumber, number) > 0 || (x.LicenseNumber == number && x.Task.Id.CompareTo(id) > 0));
        }

        var rows = await joined.OrderBy(x => x.LicenseNumber).ThenBy(x => x.Task.Id).Take(take).ToListAsync(ct);
        var ids = rows.Select(r => r.Task.Id).ToList();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectKind == TaskSubjectKind.Kind && ids.Contains(i.SubjectId)).ToListAsync(ct);
        var byTask = instances.ToDictionary(i => i.SubjectId);
        var instanceIds = instances.Select(i => i.Id).ToList();
        var due = (await db.Deadlines.AsNoTracking().Where(d => instanceIds.Contains(d.InstanceId) && d.State == DeadlineState.Open)
                .Select(d => new { d.InstanceId, d.DueOn }).ToListAsync(ct))
            .GroupBy(d => d.InstanceId).ToDictionary(g => g.Key, g => g.Min(d => d.DueOn));
        var views = new List<TaskView>();
        foreach (var row in rows)
        {
            var instance = byTask.GetValueOrDefault(row.Task.Id);
            string? zh = null, en = null, result = null;
            if (instance is not null)
            {
                var state = (await registry.ResolveAsync(instance, db, ct)).Definition.States[instance.State].Status;
                (zh, en) = (state.Zh, state.En);
                result = new InstanceValues(instance).Get("result");
            }

            views.Add(new TaskView(row.Task.Id, row.Task.BatchId, row.Quarter, row.Task.RightId, row.LicenseNumber, row.Task.CountyCode, row.Task.ReportsTo, row.Task.ExpiresOn,
                instance?.Id, instance?.State, zh, en, result, instance is not null && due.TryGetValue(instance.Id, out var dueOn) ? dueOn : null));
        }

        return views;
    }
}
