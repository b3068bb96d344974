using MiningRights.Cases;
using MiningRights.Listing;
using MiningRights.Rights;

namespace MiningRights.Web.Pages.Shared;

/// <summary>The page where a workflow's subject is worked: a right's page, a case's page, a block's page, else the instance's own page with its steps.</summary>
public static class SubjectPages
{
    public static string Address(string subjectKind, Guid subjectId, Guid instanceId) => subjectKind switch
    {
        RightSubjectKind.Kind => $"/rights/{subjectId}",
        CaseSubjectKind.Kind => $"/cases/{subjectId}",
        BlockSubjectKind.Kind => $"/listing/blocks/{subjectId}",
        _ => $"/workflows/instances/{instanceId}",
    };

    /// <summary>
    /// The form that takes <paramref name="signal"/>: on a block's page each step has its form under the signal's name
    /// (the transaction, the contract, the first payment, the registration); elsewhere the subject's page.
    /// </summary>
    public static string Step(string subjectKind, Guid subjectId, Guid instanceId, string signal) => subjectKind switch
    {
        BlockSubjectKind.Kind => $"/listing/blocks/{subjectId}#{Uri.EscapeDataString(signal)}",
        _ => Address(subjectKind, subjectId, instanceId),
    };
}
