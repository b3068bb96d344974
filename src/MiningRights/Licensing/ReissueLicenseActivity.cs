using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Audit;
using MiningRights.Plans;
using MiningRights.Renewals;
using MiningRights.Rights;
using MiningRights.Workflows.Activities;
using MiningRights.Workflows;

namespace MiningRights.Licensing;

/// <summary>
/// <c>{"activity": "reissueLicense", "rule": "GS-9e"}</c>: on the approved plan (instance value planId), the licence
/// is re-issued under the same number for the mine's service life, capped by scale; the change goes into the
/// right's history. A service life over the cap refuses the whole transition with 422.
/// </summary>
public sealed class ReissueLicenseActivity : IWorkflowActivity
{
    public string Name => "reissueLicense";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "rule").Concat(ActivityParameters.Rule(parameters, definition, Name)))
        {
            yield return problem;
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var planId = Guid.Parse(context.Values.Get("planId") ?? throw new InvalidOperationException("reissueLicense: no plan was submitted on this instance."));
        var plan = await context.Db.Plans.SingleAsync(p => p.Id == planId, cancellationToken);
        var scale = Enum.Parse<MineScale>(plan.MineScale!, ignoreCase: true);
        var years = plan.ServiceLifeYears!.Value;
        ServiceLifeCap.Check(context.Parameters, scale, years, ActivityParameters.RuleId(context, parameters));

        var right = await context.RightAsync(cancellationToken);
        var before = $"{right.IssuedOn:yyyy-MM-dd}–{right.ExpiresOn:yyyy-MM-dd} ({right.Status})";
        right.Status = RightStatus.Active;
        right.ProvisionalRuleId = null;
        right.IssuedOn = context.Today;
        right.ExpiresOn = context.Today.AddYears(years);
        right.ServiceLifeYears = years;
        right.MiningMethod = plan.MiningMethod;
        right.MineScale = scale.ToString();
        right.UpdatedAtUtc = context.NowUtc;
        context.Db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = context.NowUtc,
            Actor = context.Actor.Name,
            Action = "license.reissued",
            DossierId = right.Id,
            RuleId = ActivityParameters.RuleId(context, parameters),
            Detail = $"Licence {right.LicenseNumber} re-issued on the approved plan: {before} → {right.IssuedOn:yyyy-MM-dd}–{right.ExpiresOn:yyyy-MM-dd}; " +
                $"{scale} mine, service life {years} years (cap {ServiceLifeCap.For(context.Parameters, scale)}), {plan.MiningMethod}, design capacity {plan.DesignCapacity} 万吨/年.",
        });

        // The licence now runs for its service life: it is tracked to that expiry like every right in force (CN-RENEW).
        await context.Triggers.RaiseAsync(new RightInForce(right, context.Actor, context.Parameters), cancellationToken);
    }
}
