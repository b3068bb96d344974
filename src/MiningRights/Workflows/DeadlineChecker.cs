using System.Text.Json.Nodes;
using MiningRights.Notifications;
using MiningRights.Policies;
using MiningRights.Time;

namespace MiningRights.Workflows;

/// <summary>A deadline of a definition: its rule, its period, its reminders and who they go to.</summary>
internal sealed class DeadlineChecker(PolicyBook book, RuleCitationChecker rules)
{
    public void Check(string path, DeadlineDefinition deadline, WorkflowDefinition d, Action<string, string> problem)
    {
        rules.Check($"{path}.rule", deadline.Rule, d, problem);
        if ((deadline.Period is null) == (deadline.PeriodParameter is null))
        {
            problem(path, "a deadline needs exactly one of 'period' (ISO 8601, e.g. P1Y) or 'periodParameter'");
        }
        else if (deadline.Period is not null && !IsoPeriod.TryParse(deadline.Period, out _))
        {
            problem($"{path}.period", $"'{deadline.Period}' is not an ISO 8601 date period such as P1Y or P30D");
        }
        else if (deadline.PeriodParameter is not null && book.Parameter(deadline.PeriodParameter) is not { IsDays: true })
        {
            problem($"{path}.periodParameter", $"'{deadline.PeriodParameter}' is not a parameter in days of the rulebooks (known: {string.Join(", ", book.ParameterNames.Where(n => book.Parameter(n)!.IsDays))})");
        }

        switch (deadline.Reminders)
        {
            case null:
                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && s == "parameter":
                break;
            case JsonArray a when a.All(n => n is JsonValue x && x.TryGetValue<int>(out var days) && days > 0):
                break;
            default:
                problem($"{path}.reminders", "reminders are \"parameter\" or a list of positive day counts");
                break;
        }

        if (deadline.Reminders is not null && deadline.ReminderNotice is null && deadline.Reminders is not JsonArray { Count: 0 })
        {
            problem($"{path}.reminderNotice", "a deadline with reminders needs a reminderNotice");
        }

        if (deadline.Remind.Count == 0 || deadline.Remind.Any(a => !NoticeAudiences.All.Contains(a)))
        {
            problem($"{path}.remind", $"remind is a list of {string.Join(", ", NoticeAudiences.All.Select(a => $"\"{a}\""))}");
        }

        if (deadline.ReminderNotice is not null && !d.Notices.ContainsKey(deadline.ReminderNotice))
        {
            problem($"{path}.reminderNotice", $"unknown notice '{deadline.ReminderNotice}'");
        }
    }
}
