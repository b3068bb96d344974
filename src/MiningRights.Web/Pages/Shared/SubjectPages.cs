using MiningRights.Cases;
using MiningRights.Rights;

namespace MiningRights.Web.Pages.Shared;

/// <summary>The page where a workflow's subject is worked: a right's page, a case's page, else the instance's own page with its steps.</summary>
public static class SubjectPages
{
    public static string Address(string subjectKind, Guid subjectId, Guid instanceId) => subjectKind switch
    {
        RightSubjectKind.Kind => $"/rights/{subjectId}",
        CaseSubjectKind.Kind => $"/cases/{subjectId}",
        _ => $"/workflows/instances/{instanceId}",
    };
}
