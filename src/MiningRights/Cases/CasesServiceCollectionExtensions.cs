using Microsoft.Extensions.DependencyInjection;
using MiningRights.Workflows;

namespace MiningRights.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>Cases: the subject kind, opening a case from any workflow, and the case workflow's own activity.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services) =>
        services
            .AddSubjectKind<CaseSubjectKind>()
            .AddWorkflowActivity<OpenCaseActivity>()
            .AddWorkflowActivity<SetCaseStatusActivity>()
            .AddScoped<CaseQueries>();
}
