using System.Text.Json.Nodes;
using MiningRights.Workflows;
using MiningRights.Workflows.Activities;

namespace MiningRights.Cases;

/// <summary>
/// <c>{"activity": "setCaseStatus", "status": "Rectifying"}</c> on a case's own workflow; with
/// <c>"disposition": "Withdrawal"</c> it closes the case with the authority's disposition (GS-10d), and a
/// <c>LiquidatedDamages</c> disposition takes its amount from the instance value named by <c>"amount"</c>.
/// </summary>
public sealed class SetCaseStatusActivity : IWorkflowActivity
{
    public string Name => "setCaseStatus";

    public IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition)
    {
        foreach (var problem in ActivityParameters.Unknown(parameters, "status", "disposition", "amount"))
        {
            yield return problem;
        }

        if (definition.Subject != CaseSubjectKind.Kind)
        {
            yield return "setCaseStatus runs only in a workflow whose subject is a case";
        }

        if (!Enum.TryParse<CaseStatus>(ActivityParameters.String(parameters, "status"), ignoreCase: false, out var status))
        {
            yield return $"setCaseStatus needs 'status', one of {string.Join(", ", Enum.GetNames<CaseStatus>())}";
        }

        var disposition = ActivityParameters.String(parameters, "disposition");
        if (disposition is not null && !Enum.TryParse<CaseDisposition>(disposition, ignoreCase: false, out _))
        {
            yield return $"'disposition' must be one of {string.Join(", ", Enum.GetNames<CaseDisposition>())}";
        }

        if ((disposition is not null) != (status == CaseStatus.Closed))
        {
            yield return "a case is closed with a disposition, and only a closed case has one";
        }

        var amount = ActivityParameters.String(parameters, "amount");
        if ((disposition == nameof(CaseDisposition.LiquidatedDamages)) != (amount is not null))
        {
            yield return "liquidated damages need 'amount' naming the input that carries the sum, and only they do";
        }
    }

    public async Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken)
    {
        var found = await context.Db.Cases.FindAsync([context.Subject.Id], cancellationToken)
            ?? throw new InvalidOperationException($"Case {context.Subject.Id} does not exist.");
        found.Status = Enum.Parse<CaseStatus>(ActivityParameters.String(parameters, "status")!);
        if (ActivityParameters.String(parameters, "disposition") is { } disposition)
        {
            found.Disposition = Enum.Parse<CaseDisposition>(disposition);
            found.ClosedAtUtc = context.NowUtc;
            if (ActivityParameters.String(parameters, "amount") is { } amount)
            {
                found.DamagesYuan = decimal.Parse(context.Values.Get(amount) ?? throw new InvalidOperationException($"No '{amount}' was given."), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
