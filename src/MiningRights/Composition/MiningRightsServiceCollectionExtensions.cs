using MiningRights.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Cases;
using MiningRights.Contracts;
using MiningRights.Deadlines;
using MiningRights.Imports;
using MiningRights.Licensing;
using MiningRights.Listing;
using MiningRights.Notifications;
using MiningRights.Overview;
using MiningRights.Plans;
using MiningRights.Policies;
using MiningRights.Renewals;
using MiningRights.Rights;
using MiningRights.Scheduling;
using MiningRights.Storage;
using MiningRights.Verification;
using MiningRights.Workflows.Activities;
using MiningRights.Workflows;

namespace MiningRights.Composition;

public static class MiningRightsServiceCollectionExtensions
{
    /// <summary>
    /// The domain, the workflow runtime, deadlines and the outbox. The database and the scheduler that runs the jobs
    /// (<see cref="Schedules.AddSchedules"/>) are added by the host, which knows where the schedule is kept.
    /// </summary>
    public static IServiceCollection AddMiningRights(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory) && o.MaxUploadBytes > 0 && o.MaxEvidenceFiles > 0,
                "Storage:DataDirectory is required; Storage:MaxUploadBytes and Storage:MaxEvidenceFiles must be positive.")
            .ValidateOnStart();
        services.AddOptions<RulebookOptions>().BindConfiguration(RulebookOptions.Section)
            .Validate(o => o.RefreshSeconds >= 1, "Policies:RefreshSeconds must be 1 or more.")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => o.Port is > 0 and < 65536 && !string.IsNullOrWhiteSpace(o.From), "Smtp:Port must be a TCP port and Smtp:From an address.")
            .Validate(o => string.IsNullOrEmpty(o.UserName) || !string.IsNullOrEmpty(o.Password),
                "Smtp:UserName is set but Smtp:Password is not: set Smtp__Password (from the secret store), or remove the user name to send without signing in to the mail server.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.FirstRetrySeconds >= 1 && o.MaxRetrySeconds >= o.FirstRetrySeconds
                && o.DeliveryParallelism is >= 1 and <= 64 && o.SentRecordAttempts >= 1 && o.SentRecordRetryMilliseconds >= 0,
                "Outbox settings are out of range.")
            .ValidateOnStart();
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section)
            .Validate(o => o.SchedulePollingSeconds >= 1
                && o.SweepBatchSize >= 1 && o.ItemMaxAttempts >= 1 && o.ItemRetrySeconds >= 1, "Job settings must be positive.")
            .Validate(o => JobOptions.Every(o.DeadlineSweepSeconds) is not null && JobOptions.Every(o.OutboxDeliverySeconds) is not null && JobOptions.Every(o.AuditSealSeconds) is not null,
                "Jobs:DeadlineSweepSeconds, Jobs:OutboxDeliverySeconds and Jobs:AuditSealSeconds must divide a minute, an hour or a day evenly (for example 15, 60, 300 or 3600), or be 0 to run only when asked.")
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddPolicies();
        services.AddSingleton<DocumentStore>();

        services.AddWorkflowRuntime();
        services.AddRights();
        services.AddPlans();
        services.AddLicensing();
        services.AddCases();
        services.AddListing();
        services.AddContracts();
        services.AddRenewals();
        services.AddOverview();
        services.AddVerification();
        services.AddImports();
        services.AddScoped<Accounts.CreateAccount>();
        services.AddScoped<Accounts.AccountQueries>();
        services.AddScoped<ExtendDeadline>();
        services.AddScoped<RetryParkedDeadline>();
        services.AddScoped<DeadlineQueries>();
        services.AddScoped<Calendar.DeadlineFeed>();

        services.AddScoped<OfficerDirectory>();
        services.AddScoped<Recipients>();
        services.AddScoped<INoticeOutbox, OutboxNotices>();
        services.AddScoped<NotificationQueries>();
        services.AddScoped<RetryDeadNotice>();
        services.AddSingleton<IMailSender, MailKitMailSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<DeadlineSweeper>();
        services.AddSingleton<PlannerStatistics>();
        services.AddSingleton<Audit.AuditChain>();
        services.AddRecurringJob<DeadlineSweepJob>(DeadlineSweepJob.Id, jobs => JobOptions.Every(jobs.DeadlineSweepSeconds)!, runsAtStart: true);
        services.AddRecurringJob<OutboxDeliveryJob>(OutboxDeliveryJob.Id, jobs => JobOptions.Every(jobs.OutboxDeliverySeconds)!, runsAtStart: true);
        services.AddRecurringJob<Audit.AuditSealJob>(Audit.AuditSealJob.Id, jobs => JobOptions.Every(jobs.AuditSealSeconds)!);
        return services;
    }

    /// <summary>
    /// The rulebooks, read and checked from their folder at first use (a bad file stops the start with file, JSON path and
    /// reason), with the configured parameter values; those an administrator adds are kept in the database.
    /// </summary>
    public static IServiceCollection AddPolicies(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var directory = sp.GetRequiredService<IOptions<RulebookOptions>>().Value.ResolveDirectory();
            var (rulebooks, minerals) = RulebookLoader.LoadDirectory(directory);
            return new PolicyBook(rulebooks, minerals, ParameterOptions.From(sp.GetRequiredService<IConfiguration>()));
        });
        services.AddScoped<RulebookStore>();
        services.AddScoped<AddRulebook>();
        services.AddScoped<PolicyQueries>();
        services.AddHostedService<RulebookRefresh>();
        return services;
    }

    /// <summary>The workflow runtime and the activities every process may use; features add their own with AddXxx.</summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services)
    {
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section);
        services.AddWorkflowActivity<NotifyActivity>();
        services.AddWorkflowActivity<StartObligationsActivity>();
        services.AddSingleton<WorkflowDefinitionLoader>();
        services.AddSingleton(sp =>
        {
            var loader = sp.GetRequiredService<WorkflowDefinitionLoader>();
            var directory = sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.ResolveDirectory();
            return new WorkflowRegistry(loader.LoadDirectory(directory), loader).Honouring(sp.GetServices<WorkflowContract>());
        });
        services.AddScoped<SubjectDirectory>();
        services.AddScoped<Access>();
        services.AddScoped<InstanceAccess>();
        services.AddScoped<WorkflowRuntime>();
        services.AddScoped<ProcessTriggers>();
        services.AddOptions<Decisions.DecisionOptions>().BindConfiguration(Decisions.DecisionOptions.Section);
        services.AddScoped<Decisions.DecisionRecorder>();
        services.AddScoped<IDecisionRegister>(sp => sp.GetRequiredService<Decisions.DecisionRecorder>());
        services.AddScoped<Decisions.DecisionQueries>();
        services.AddScoped<SendSignal>();
        services.AddScoped<SignalEvidence>();
        services.AddScoped<InstanceQueries>();
        services.AddScoped<WorkQueue>();
        return services;
    }
}
