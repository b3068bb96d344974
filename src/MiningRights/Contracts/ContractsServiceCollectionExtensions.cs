using Microsoft.Extensions.DependencyInjection;
using MiningRights.Scheduling;
using MiningRights.Workflows;

namespace MiningRights.Contracts;

public static class ContractsServiceCollectionExtensions
{
    /// <summary>Transfer contracts and income: the installment subject, the by-rate guard, signing, entering a contract for a right registered before, performance duties and relief claims, payments, declarations, amendments, reads.</summary>
    public static IServiceCollection AddContracts(this IServiceCollection services) =>
        services
            .AddSingleton<InstallmentSubjectKind>()
            .AddSingleton<ISubjectKind>(sp => sp.GetRequiredService<InstallmentSubjectKind>())
            .AddTransitionGuard<IncomeByRateGuard>()
            .AddTransitionGuard<JustifiedReasonGuard>()
            .AddWorkflowActivity<ExcuseDutiesActivity>()
            .AddWorkflowActivity<StartDutyActivity>()
            .AddScoped<ClaimRelief>()
            .AddScoped<ObligationQueries>()
            .AddScoped<ContractAccess>()
            .AddScoped<ContractDuties>()
            .AddSingleton<PerformanceEvaluator>()
            .AddRecurringJob<PerformanceEvaluationJob>(PerformanceEvaluationJob.Id, jobs => jobs.PerformanceEvaluationCron)
            .AddScoped<SignContract>()
            .AddScoped<IncomeRules>()
            .AddScoped<EnterContract>()
            .AddScoped<RecordPayment>()
            .AddScoped<DeclareRevenue>()
            .AddScoped<AmendContract>()
            .AddScoped<ContractQueries>();
}
