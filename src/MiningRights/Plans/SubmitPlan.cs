using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Licensing;
using MiningRights.Policies;
using MiningRights.Rights;
using MiningRights.Storage;
using MiningRights.Workflows;

namespace MiningRights.Plans;

/// <summary>
/// The holder submits the plan its right's workflow waits for: the exploration implementation plan (GS-9d) or,
/// for a provisional mining licence, the development and restoration plan with scale, service life, mining method
/// and design capacity (GS-9e). The file is stored with its hash; the workflow receives the submitPlan signal.
/// </summary>
public sealed class SubmitPlan(
    MiningRightsDbContext db,
    RightAccess access,
    WorkflowRuntime runtime,
    WorkflowRegistry registry,
    PlanStore store,
    IOptions<StorageOptions> storage,
    IOptions<ParameterOptions> parameters,
    TimeProvider time)
{
    public const string Signal = "submitPlan";

    private static readonly string[] AllowedExtensions = [".pdf", ".doc", ".docx", ".ofd", ".zip"];

    public sealed record Request(PlanUpload? File, MineScale? Scale, int? ServiceLifeYears, MiningMethod? MiningMethod, decimal? DesignCapacity);

    public async Task<PlanDocument> HandleAsync(Guid rightId, Request request, CurrentUser user, CancellationToken ct)
    {
        var right = await access.GetAsync(user, rightId, ct);
        var errors = new Dictionary<string, string[]>();
        var file = request.File;
        if (file is null || file.Length == 0)
        {
            errors["file"] = ["The plan document is required and may not be empty."];
        }
        else if (file.Length > storage.Value.MaxUploadBytes)
        {
            errors["file"] = [$"The plan document is {file.Length} bytes; at most {storage.Value.MaxUploadBytes} bytes are accepted."];
        }
        else if (!AllowedExtensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant()))
        {
            errors["file"] = [$"The plan document must be one of {string.Join(", ", AllowedExtensions)}."];
        }

        if (right.Kind == RightKind.Mining)
        {
            if (request.Scale is null)
            {
                errors["scale"] = ["The mine scale is required: large, medium or small."];
            }

            if (request.ServiceLifeYears is not (>= 1 and <= 100))
            {
                errors["serviceLifeYears"] = ["The service life (服务年限) is required, in whole years from 1."];
            }

            if (request.MiningMethod is null)
            {
                errors["miningMethod"] = ["The mining method is required: openPit (露天), underground (地下) or combined."];
            }

            if (request.DesignCapacity is not > 0)
            {
                errors["designCapacity"] = ["The design capacity (万吨/年) is required and must be positive."];
            }
        }
        else if (request.Scale is not null || request.ServiceLifeYears is not null || request.MiningMethod is not null || request.DesignCapacity is not null)
        {
            errors["scale"] = ["Scale, service life, mining method and design capacity belong to a mining right's plan only."];
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid plan", "The plan could not be submitted: see the field errors.", errors: errors);
        }

        var instance = await AwaitingInstanceAsync(right, ct);
        if (right.Kind == RightKind.Mining)
        {
            var definition = await registry.ResolveAsync(instance, db, ct);
            ServiceLifeCap.Check(parameters.Value.For(definition.Definition.Province), request.Scale!.Value, request.ServiceLifeYears!.Value);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var late = !await db.Deadlines.AnyAsync(d => d.InstanceId == instance.Id && d.State == DeadlineState.Open && !d.Escalation, ct);
        var stored = await store.SaveAsync(right.Id, file!, ct);
        try
        {
            var plan = new PlanDocument
            {
                RightId = right.Id,
                HolderId = right.HolderId,
                InstanceId = instance.Id,
                FileName = Path.GetFileName(file!.FileName),
                ContentType = file.ContentType,
                SizeBytes = stored.Size,
                Sha256 = stored.Sha256,
                StoragePath = stored.RelativePath,
                SubmittedBy = user.Name,
                SubmittedAtUtc = now,
                Late = late,
                MineScale = request.Scale?.ToString(),
                ServiceLifeYears = request.ServiceLifeYears,
                MiningMethod = request.MiningMethod?.ToString(),
                DesignCapacity = request.DesignCapacity,
            };
            db.Plans.Add(plan);
            new InstanceValues(instance).Set("planId", plan.Id.ToString());
            await runtime.SignalAsync(instance, Signal, user.Actor, $"plan {plan.Id} sha256 {stored.Sha256}{(late ? " (late)" : string.Empty)}", ct);
            db.AuditEvents.Add(new AuditEvent
            {
                AtUtc = now,
                Actor = user.Name,
                Action = "plan.submitted",
                RightId = right.Id,
                RuleId = right.Kind == RightKind.Mining ? "GS-9e" : "GS-9d",
                Detail = $"Plan {plan.FileName} ({stored.Size} bytes, sha256 {stored.Sha256}) submitted{(late ? " after the due date" : string.Empty)}.",
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
        var running = await db.WorkflowInstances.Where(i => i.RightId == right.Id && !i.Finished).ToListAsync(ct);
        foreach (var instance in running)
        {
            var definition = await registry.ResolveAsync(instance, db, ct);
            if (definition.Definition.Transitions.Any(t => t.From == instance.State && t.Signal == Signal))
            {
                return instance;
            }
        }

        throw RefusalException.Conflict(running.Count == 0
            ? $"Right {right.LicenseNumber} has no deferred plan: no workflow waits for one."
            : $"Right {right.LicenseNumber} does not accept a plan now (workflow state: {string.Join(", ", running.Select(r => r.State))}).");
    }
}
