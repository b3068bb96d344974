using System.Globalization;
using System.Text.Json.Nodes;
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
            RightId = right.Id,
            RuleId = ActivityParameters.String(parameters, "rule"),
            Detail = $"{right.LicenseNumber} renewed by {years} years: expiry {before:yyyy-MM-dd} → {right.ExpiresOn:yyyy-MM-dd}. 准予延续。",
        });
        await RenewalTracking.StartAsync(context.Runtime, context.Registry, context.Parameters, right, context.Actor, cancellationToken);
    }
}
