using System.Globalization;
using System.Text.Json.Nodes;
using MiningRights.Accounts;
using MiningRights.Workflows.Activities;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

/// <summary>
/// <c>{"activity": "excuseDuties"}</c>: a force-majeure or justified-reason claim accepted (GS-10b, GS-10c) moves the due
/// date of every duty it names by the accepted period (from <c>periodFrom</c> to <c>acceptedUntil</c>, both days
/// counted) through the runtime's extension: a running deadline moves with its unsent reminders recomputed, a duty
/// reported or accepted keeps the new date for when its deadline opens again, and a duty already overdue resumes
/// (its <c>resume</c> transition) with the new date. A duty breached or finished meanwhile is left to its case.
/// </summary>
public sealed class ExcuseDutiesActivity : IWorkflowActivity
{
    public const string DutiesValue = "duties";
    public const string ResumeSignal = "resume";

    public string Name => "excuseDuties";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters))
        {
            yield return problem;
        }

        foreach (var date in new[] { ClaimRelief.PeriodFrom, ClaimRelief.AcceptedUntil })
        {
            if (!definition.StartDates.Contains(date) && !definition.Signals.Values.Any(s => s.Inputs.ContainsKey(date)))
            {
                yield return $"excuseDuties needs the instance date '{date}' (a start date or a signal input)";
            }
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var from = context.Values.Date(ClaimRelief.PeriodFrom) ?? throw new InvalidOperationException("The claim has no period.");
        var until = context.Values.Date(ClaimRelief.AcceptedUntil) ?? throw new InvalidOperationException("The claim was accepted without a period.");
        var days = until.DayNumber - from.DayNumber + 1;
        var rule = context.Values.Get(ClaimRelief.RuleValue) ?? context.Entry.RuleId;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{context.Values.Get(ClaimRelief.GroundValue)} {from:yyyy-MM-dd}–{until:yyyy-MM-dd} accepted ({days} days), claim {context.Instance.Id}");
        var actor = Actor.System($"relief claim {context.Instance.Id} accepted by {context.Actor.Name}");

        foreach (var id in (context.Values.Get(DutiesValue) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var duty = await context.Db.WorkflowInstances.FindAsync([Guid.Parse(id)], cancellationToken);
            if (duty is null || duty.Finished || duty.State == PerformanceEvaluator.BreachedState)
            {
                continue;
            }

            var values = new InstanceValues(duty);
            var due = PerformanceEvaluator.DueOf(values);
            await context.Runtime.ExtendAsync(duty, PerformanceEvaluator.DueDeadline, due.AddDays(days), reason, rule, actor, cancellationToken);

            var definition = await context.Registry.ResolveAsync(duty, context.Db, cancellationToken);
            if (definition.Definition.Offers(duty.State, ResumeSignal))
            {
                await context.Runtime.SignalAsync(duty, ResumeSignal, actor, reason, cancellationToken);
            }
        }
    }
}
