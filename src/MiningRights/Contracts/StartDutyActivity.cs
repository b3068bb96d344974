using System.Text.Json.Nodes;
using MiningRights.Time;
using MiningRights.Deadlines;
using MiningRights.Rights;
using MiningRights.Workflows;
using MiningRights.Workflows.Activities;

namespace MiningRights.Contracts;

/// <summary>
/// <c>{"activity": "startDuty", "workflow": "geological-data", "from": "withdrawnOn", "period": "P15D", "what": {"zh-CN": ...,
/// "en": ...}, "clause": "CN-GEODATA"}</c>: starts a monitored duty on the right the subject concerns (the right itself, or
/// the right a case is about), due <c>period</c> after the instance date <c>from</c>: the geological data owed after a
/// withdrawal or a work stage (CN-GEODATA), the next work record of an exploration right (CN-START). With
/// <c>"optional": true</c> nothing starts when the instance has no such date (a report that names no stage end).
/// Run after <c>setRightStatus</c>, a duty owed after a right ends is started after the right's other processes ended.
/// </summary>
public sealed class StartDutyActivity : IWorkflowActivity
{
    public string Name => "startDuty";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "workflow", "from", "period", "what", "clause", "optional"))
        {
            yield return problem;
        }

        if (ActivityParameters.String(parameters, "workflow") is null)
        {
            yield return "startDuty needs 'workflow': the id of the duty workflow to start on the right";
        }

        var from = ActivityParameters.String(parameters, "from");
        var dates = definition.StartDates
            .Concat(definition.Transitions.SelectMany(t => new[] { t.Records, t.RecordsDue }).OfType<string>())
            .Concat(definition.Signals.Values.SelectMany(s => s.Inputs).Where(i => i.Value.Type == "date").Select(i => i.Key));
        if (from is null || !dates.Contains(from))
        {
            yield return $"startDuty needs 'from': an instance date (a start date, a date a transition records, or a date input), got '{from}'";
        }

        if (!IsoPeriod.TryParse(ActivityParameters.String(parameters, "period"), out _))
        {
            yield return "startDuty needs 'period': an ISO 8601 period such as \"P15D\" or \"P6M\"";
        }

        if (ActivityParameters.Text(parameters, "what") is null)
        {
            yield return "startDuty needs 'what' (zh-CN and en)";
        }

        if (parameters["optional"] is { } optional && optional.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
        {
            yield return "'optional' is true or false";
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var from = ActivityParameters.String(parameters, "from")!;
        if (context.Values.Date(from) is not { } start)
        {
            if (parameters["optional"]?.GetValue<bool>() == true)
            {
                return;
            }

            throw new InvalidOperationException($"{context.Definition.File}: startDuty counts from '{from}', which instance {context.Instance.Id} has not recorded.");
        }

        var right = await context.RightAsync(cancellationToken);
        var what = ActivityParameters.Text(parameters, "what")!;
        var due = IsoPeriod.Parse(ActivityParameters.String(parameters, "period")!).AddTo(start);
        var data = new Dictionary<string, string>
        {
            ["obligationZh"] = what.Zh,
            ["obligationEn"] = what.En,
            ["parentInstance"] = context.Instance.Id.ToString(),
        };
        if (ActivityParameters.String(parameters, "clause") is { } clause)
        {
            data["clause"] = clause;
        }

        await context.Runtime.StartAsync(context.Registry.ForChild(ActivityParameters.String(parameters, "workflow")!, right.RegisteredOn),
            new SubjectRef(RightSubjectKind.Kind, right.Id), context.Actor, new Dictionary<string, DateOnly> { ["dueOn"] = due }, data, cancellationToken, context.ArisenOn);
    }
}
