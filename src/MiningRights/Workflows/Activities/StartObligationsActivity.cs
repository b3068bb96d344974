using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Workflows.Activities;

/// <summary>
/// <c>{"activity": "startObligations", "workflow": "mine-construction-obligation", "obligations": [{"due": "constructionStartDue",
/// "what": {"zh-CN": ..., "en": ...}}]}</c>: starts one obligation workflow per entry on the same subject, due on the
/// instance date named by "due". One instance per duty: each has its own deadline, reminders, reports and case. The
/// version started is the one in force on the subject's anchor date (a right keeps the rules of its registration).
/// An entry may name the duty it monitors (<c>"duty": "construction"</c>): where the subject already has that duty
/// running (from its transfer contract's clauses), the entry is not started again: one duty, one clock, one case.
/// </summary>
public sealed class StartObligationsActivity : IWorkflowActivity
{
    /// <summary>The instance value naming the duty an obligation monitors.</summary>
    public const string DutyValue = "duty";

    public string Name => "startObligations";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "workflow", "obligations"))
        {
            yield return problem;
        }

        if (ActivityParameters.String(parameters, "workflow") is null)
        {
            yield return "startObligations needs 'workflow': the id of the obligation workflow to start";
        }

        if (parameters["obligations"] is not JsonArray { Count: > 0 } obligations)
        {
            yield return "startObligations needs 'obligations': a non-empty list";
            yield break;
        }

        for (var i = 0; i < obligations.Count; i++)
        {
            if (obligations[i] is not JsonObject entry || ActivityParameters.String(entry, "due") is null || ActivityParameters.Text(entry, "what") is null)
            {
                yield return $"obligations[{i}] needs 'due' (an instance date) and 'what' (zh-CN and en)";
            }
            else if (entry.ContainsKey(DutyValue) && ActivityParameters.String(entry, DutyValue) is null)
            {
                yield return $"obligations[{i}].duty must be a name, e.g. \"construction\"";
            }
        }
    }

    /// <summary>
    /// The duties (their <see cref="DutyValue"/>) that processes still running on <paramref name="subject"/> monitor,
    /// including those started in the current unit of work: a duty is monitored once, by whichever process started it.
    /// </summary>
    public static async Task<HashSet<string>> MonitoredDutiesAsync(MiningRightsDbContext db, SubjectRef subject, CancellationToken ct)
    {
        var running = await db.WorkflowInstances
            .Where(i => i.SubjectKind == subject.Kind && i.SubjectId == subject.Id && !i.Finished)
            .Select(i => i.DataJson).ToListAsync(ct);
        running.AddRange(db.WorkflowInstances.Local.Where(i => i.SubjectKind == subject.Kind && i.SubjectId == subject.Id && !i.Finished).Select(i => i.DataJson));
        return running.Select(json => JsonSerializer.Deserialize<Dictionary<string, string>>(json)?.GetValueOrDefault(DutyValue))
            .OfType<string>().Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var definition = context.Registry.ForChild(ActivityParameters.String(parameters, "workflow")!, context.Subject.AnchorDate);
        var monitored = await MonitoredDutiesAsync(context.Db, context.Instance.Subject, cancellationToken);
        foreach (var entry in parameters["obligations"]!.AsArray().OfType<JsonObject>())
        {
            var duty = ActivityParameters.String(entry, DutyValue);
            if (duty is not null && monitored.Contains(duty))
            {
                continue;
            }

            var dueName = ActivityParameters.String(entry, "due")!;
            var what = ActivityParameters.Text(entry, "what")!;
            var due = context.Values.Date(dueName)
                ?? throw RefusalException.Invalid(dueName, $"The due date '{dueName}' ({what.En}) is required.", $"必须提供到期日“{dueName}”（{what.Zh}）。");
            await context.Runtime.StartAsync(definition, context.Instance.Subject, context.Actor,
                new Dictionary<string, DateOnly> { ["dueOn"] = due },
                new Dictionary<string, string>
                {
                    ["obligationZh"] = what.Zh,
                    ["obligationEn"] = what.En,
                    ["parentInstance"] = context.Instance.Id.ToString(),
                    [DutyValue] = duty ?? string.Empty,
                },
                cancellationToken,
                context.ArisenOn);
        }
    }
}
