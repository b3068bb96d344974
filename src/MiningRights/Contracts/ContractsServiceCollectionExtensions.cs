using Microsoft.Extensions.DependencyInjection;
using MiningRights.Listing;
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
            .AddSingleton<BlockIncomeLines>()
            .AddSingleton<ISubjectLines>(sp => sp.GetRequiredService<BlockIncomeLines>())
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
            .AddScoped<RegisterTransferredRight>()
            .AddScoped<IContractOfBlock, ContractOfBlock>()
            .AddProcessTrigger<BlockReturnedToPool, VoidContractsOnReturn>()
            .AddScoped<IncomeRules>()
            .AddScoped<EnterContract>()
            .AddScoped<RecordPayment>()
            .AddScoped<DeclareRevenue>()
            .AddScoped<AmendContract>()
            .AddScoped<ContractQueries>()
            .AddContractWorkflows();

    /// <summary>What the contract features rely on in the definitions they start and judge (checked at start).</summary>
    private static IServiceCollection AddContractWorkflows(this IServiceCollection services)
    {
        foreach (var duty in ContractDuties.DutyWorkflows)
        {
            services.AddWorkflowContract(new WorkflowContract("Contracts: performance duties", duty)
            {
                Subject = Rights.RightSubjectKind.Kind,
                // An investment year counts what its accepted report states (CN-INVEST, 圈而不探).
                States = duty == ContractDuties.InvestmentWorkflow ? [PerformanceEvaluator.Accepted, PerformanceEvaluator.BreachedState] : [PerformanceEvaluator.BreachedState],
                Signals = [PerformanceEvaluator.BreachSignal, ExcuseDutiesActivity.ResumeSignal],
                Deadlines = [PerformanceEvaluator.DueDeadline],
                Dates = [ContractDuties.DueOnDate],
            });
        }

        services.AddWorkflowContract(new WorkflowContract("Contracts: relief claims", ClaimRelief.Workflow)
        {
            Subject = Rights.RightSubjectKind.Kind,
            Dates = [ClaimRelief.PeriodFrom, ClaimRelief.PeriodTo, ClaimRelief.AcceptedUntil],
        });
        foreach (var income in new[] { RegisterTransferredRight.ByAmountWorkflow, RegisterTransferredRight.ByRateWorkflow })
        {
            services.AddWorkflowContract(new WorkflowContract("Contracts: income", income)
            {
                Subject = InstallmentSubjectKind.Kind,
                Signals = [RecordPayment.PaidSignal],
            });
        }

        foreach (var transfer in new[] { Listing.AnnounceListing.Workflow, Listing.StartAgreementTransfer.Workflow })
        {
            services.AddWorkflowContract(new WorkflowContract("Contracts: signing", transfer)
            {
                Signals = [SignContract.Signal, RecordPayment.FirstPaymentSignal, RegisterTransferredRight.Signal],
                Dates = [SignContract.FirstPaymentDate],
            });
        }

        return services;
    }
}
