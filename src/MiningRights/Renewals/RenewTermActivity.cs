using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Contracts;
using MiningRights.Rights;
using MiningRights.Audit;
using MiningRights.Workflows;
using MiningRights.Workflows.Activities;

namespace MiningRights.Renewals;

/// <summary>
/// <c>renewTerm</c>: a renewal granted (or deemed granted, the authority not having decided before expiry) extends the
/// right by the term applied for, from its present expiry, and starts the renewal process of the new term, so the
/// holder is reminded again before the next expiry.
/// </summary>
public sealed class RenewTermActivity : IWorkflowActivity
{
    public string Name => "renewTerm";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition) =>
        ActivityParameters.Unknown(parameters, "rule").Concat(ActivityParameters.Rule(parameters, definition, Name));

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var years = int.Parse(context.Values.Get(RenewalTracking.TermYears)
            ?? throw new InvalidOperationException("renewTerm: no term was applied for on this instance."), CultureInfo.InvariantCulture);
        var right = await context.RightAsync(cancellationToken);
        var before = right.ExpiresOn;
        right.ExpiresOn = before.AddYears(years);
        right.UpdatedAtUtc = context.NowUtc;
        context.Values.Set("renewedUntil", right.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        context.Db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = context.NowUtc,
            Actor = context.Actor.Name,
            Action = "right.renewed",
            DossierId = right.Id,
            RuleId = ActivityParameters.RuleId(context, parameters),
            Detail = $"{right.LicenseNumber} renewed by {years} years: expiry {before:yyyy-MM-dd} → {right.ExpiresOn:yyyy-MM-dd}. 准予延续。",
        });
        await MoveExpiryDutiesAsync(context, right, cancellationToken);
        await context.Triggers.RaiseAsync(new RightInForce(right, context.Actor, context.Parameters), cancellationToken);
    }

    /// <summary>
    /// The duties that count from the expiry move with it: geological data due a set time before expiry (CN-GEODATA, 30
    /// days for exploration, 90 for mining) where the contract fixes no date of its own. The holder is told of each.
    /// </summary>
    private static async Task MoveExpiryDutiesAsync(ActivityContext context, MiningRight right, CancellationToken ct)
    {
        var running = await context.Db.WorkflowInstances
            .Where(i => i.SubjectKind == RightSubjectKind.Kind && i.SubjectId == right.Id && i.DefinitionId == ContractDuties.GeologicalDataWorkflow && !i.Finished)
            .ToListAsync(ct);
        var dueOn = right.ExpiresOn.AddDays(-ContractDuties.GeologicalDataDaysBeforeExpiry(context.ParametersOn(context.Today), right.Kind));
        foreach (var duty in running.Where(i => new InstanceValues(i).Get("clause") == "CN-GEODATA"))
        {
            await context.Runtime.ExtendAsync(duty, "due", dueOn, $"the licence was renewed to {right.ExpiresOn:yyyy-MM-dd}", "CN-GEODATA", context.Actor, ct);
        }
    }
}
