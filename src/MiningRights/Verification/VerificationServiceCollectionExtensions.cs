using Microsoft.Extensions.DependencyInjection;
using MiningRights.Scheduling;
using MiningRights.Workflows;

namespace MiningRights.Verification;

public static class VerificationServiceCollectionExtensions
{
    /// <summary>Quarterly verification of rights nearing expiry (GS-9b, GS-9c): batches and tasks as subjects, their guards and activity, the run and the reads.</summary>
    public static IServiceCollection AddVerification(this IServiceCollection services) =>
        services
            .AddSubjectKind<BatchSubjectKind>()
            .AddSubjectKind<TaskSubjectKind>()
            .AddTransitionGuard<ProblemsFoundGuard>()
            .AddTransitionGuard<BatchCompleteGuard>()
            .AddTransitionGuard<MinistryRightGuard>()
            .AddTransitionGuard<ProvinceRightGuard>()
            .AddWorkflowActivity<RecordVerificationActivity>()
            .AddScoped<QuarterlyVerification>()
            .AddRecurringJob<QuarterlyVerificationJob>(QuarterlyVerificationJob.Id, jobs => jobs.QuarterlyVerificationCron)
            .AddScoped<VerificationQueries>()
            .AddWorkflowContract(new WorkflowContract("Verification", QuarterlyVerification.BatchWorkflow) { Subject = BatchSubjectKind.Kind })
            .AddWorkflowContract(new WorkflowContract("Verification", QuarterlyVerification.TaskWorkflow)
            {
                Subject = TaskSubjectKind.Kind,
                States = [RecordVerificationActivity.Forwarded],
            });
}
