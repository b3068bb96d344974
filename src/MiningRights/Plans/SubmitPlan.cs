using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Rights;
using MiningRights.Storage;
using MiningRights.Workflows;

namespace MiningRights.Plans;

/// <summary>
/// The holder submits the plan its right's workflow waits for: the exploration implementation plan (GS-9d) or the
/// development and restoration plan (GS-9e). The file is stored with its hash; the other form fields are the values
/// the workflow's submitPlan signal declares (scale, service life, ...), checked by the runtime, so this use case
/// knows no kind of right.
/// </summary>
public sealed class SubmitPlan(
    MiningRightsDbContext db,
    RightAccess access,
    WorkflowRuntime runtime,
    WorkflowRegistry registry,
    DocumentStore store,
    TimeProvider time)
{
    public const string Signal = "submitPlan";

    public sealed record Request(Upload? File, IReadOnlyDictionary<string, string?> Fields);

    public async Task<PlanDocument> HandleAsync(Guid rightId, Request request, Actor user, CancellationToken ct)
    {
        var right = await access.GetAsync(user, rightId, ct);
        var file = request.File;
        if (file is null)
        {
            throw RefusalException.Invalid("file", "The plan document is required.", "必须提交方案文件。");
        }

        store.Check(DocumentArea.Plans, "file", file, "The plan document", "方案文件");

        var instance = await AwaitingInstanceAsync(right, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var stored = await store.SaveAsync(DocumentArea.Plans, right.Id, file, "file", ct);
        try
        {
            var planId = Guid.NewGuid();
            var values = new InstanceValues(instance);
            values.Set("planId", planId.ToString());
            var outcome = await runtime.SignalAsync(instance, Signal, user, $"plan {planId} sha256 {stored.Sha256}", ct, request.Fields);
            values = new InstanceValues(instance);
            var plan = new PlanDocument
            {
                Id = planId,
                RightId = right.Id,
                HolderId = right.HolderId,
                InstanceId = instance.Id,
                FileName = Path.GetFileName(file.FileName),
                ContentType = stored.ContentType,
                SizeBytes = stored.Size,
                Sha256 = stored.Sha256,
                StoragePath = stored.RelativePath,
                SubmittedBy = user.Name,
                SubmittedAtUtc = now,
                Late = outcome.Late,
                MineScale = values.Get("scale"),
                ServiceLifeYears = values.Get("serviceLifeYears") is { } years ? int.Parse(years, CultureInfo.InvariantCulture) : null,
                MiningMethod = values.Get("miningMethod"),
                DesignCapacity = values.Get("designCapacity") is { } capacity ? decimal.Parse(capacity, CultureInfo.InvariantCulture) : null,
            };
            db.Plans.Add(plan);
            db.AuditEvents.Add(new AuditEvent
            {
                AtUtc = now,
                Actor = user.Name,
                Action = "plan.submitted",
                DossierId = right.Id,
                RuleId = outcome.RuleId,
                Detail = $"Plan {plan.FileName} ({stored.Size} bytes, sha256 {stored.Sha256}) submitted{(outcome.Late ? " after the due date" : string.Empty)}.",
            });
            await db.SaveChangesAsync(ct);
            return plan;
        }
        catch
        {
            store.Remove(stored);
            throw;
        }
    }

    /// <summary>The right's running workflow that accepts a plan now, or a 409 saying why none does.</summary>
    private async Task<WorkflowInstance> AwaitingInstanceAsync(MiningRight right, CancellationToken ct)
    {
        var running = await db.WorkflowInstances.Where(i => i.SubjectKind == RightSubjectKind.Kind && i.SubjectId == right.Id && !i.Finished).ToListAsync(ct);
        foreach (var instance in running)
        {
            var definition = await registry.ResolveAsync(instance, db, ct);
            if (definition.Definition.Offers(instance.State, Signal))
            {
                return instance;
            }
        }

        throw RefusalException.Conflict(running.Count == 0
            ? $"Right {right.LicenseNumber} has no deferred plan: no workflow waits for one."
            : $"Right {right.LicenseNumber} does not accept a plan now (workflow state: {string.Join(", ", running.Select(r => r.State))}).",
            running.Count == 0
            ? $"矿业权 {right.LicenseNumber} 没有暂缓提交的方案：没有等待提交方案的流程。"
            : $"矿业权 {right.LicenseNumber} 当前不接受方案提交（流程状态：{string.Join(", ", running.Select(r => r.State))}）。");
    }
}
