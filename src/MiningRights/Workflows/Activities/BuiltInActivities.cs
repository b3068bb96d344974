using MiningRights.Licensing;

namespace MiningRights.Workflows.Activities;

/// <summary>Every activity the definitions may name: a new workflow that needs new behaviour adds its activity here.</summary>
public static class BuiltInActivities
{
    public static IReadOnlyList<IWorkflowActivity> Create() =>
    [
        new NotifyActivity(),
        new OpenCaseActivity(),
        new SetRightStatusActivity(),
        new MarkProvisionalActivity(),
        new ReissueLicenseActivity(),
        new StartObligationsActivity(),
    ];
}
