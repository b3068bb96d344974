using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MiningRights.Scheduling;

/// <summary>
/// Every scheduled job of the service, registered in this one place, run by Hangfire. Each service container has its
/// own job storage, activator and server (nothing of Hangfire's static configuration decides where a job runs), so
/// several services in one process (the tests' nodes) stay apart.
/// </summary>
public static class Schedules
{
    /// <summary>The longest a part of the job server waits between attempts while its storage is unreachable.</summary>
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(5);

    /// <summary>What Hangfire keeps for the whole process: how jobs are written, and its log (see <see cref="JobLog"/>).</summary>
    private static readonly Lazy<IGlobalConfiguration> Configuration = new(() => GlobalConfiguration.Configuration
        .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
        .UseSimpleAssemblyNameTypeSerializer()
        .UseRecommendedSerializerSettings()
        .UseLogProvider(JobLog.Provider));

    /// <summary>
    /// The job server: Hangfire's standard parts (workers, the delayed and the recurring scheduler, the storage's own
    /// upkeep), assembled here only to bound how long a part that failed waits before it tries again: at most
    /// <see cref="MaxRetry"/>, where the library's default grows with the square of the failures (a five-second database
    /// restart left the recurring scheduler idle for more than a minute after the database was back).
    /// </summary>
    private static IBackgroundProcessingServer Server(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<JobOptions>>().Value;
        var polling = TimeSpan.FromSeconds(options.SchedulePollingSeconds);
        var filters = services.GetRequiredService<IJobFilterProvider>();
        // One worker for each job and one to spare: a long sweep never holds up the delivery.
        var workers = services.GetServices<ScheduledJob>().Count() + 1;
        var states = new BackgroundJobStateChanger(filters);
        string[] queues = [EnqueuedState.DefaultQueue];
        IBackgroundProcessDispatcherBuilder[] parts =
        [
            new Worker(queues, new BackgroundJobPerformer(filters, services.GetRequiredService<JobActivator>()), states).UseBackgroundPool(workers),
            new DelayedJobScheduler(polling, states).UseBackgroundPool(1),
            new RecurringJobScheduler(new BackgroundJobFactory(filters), polling).UseBackgroundPool(1),
        ];
        return new BackgroundProcessingServer(
            services.GetRequiredService<JobStorage>(),
            parts,
            new Dictionary<string, object> { ["Queues"] = queues, ["WorkerCount"] = workers },
            new BackgroundProcessingServerOptions
            {
                ServerName = services.GetRequiredService<ScheduleNode>().Name,
                RetryDelay = failures => TimeSpan.FromSeconds(Math.Clamp(failures, 1, MaxRetry.TotalSeconds)),
            });
    }

    /// <summary>
    /// The job server and the recurring jobs. <paramref name="sharedStorage"/> keeps the schedule and the runs in a
    /// database shared by several processes; without it they are kept in this process's memory (the service's durable
    /// state is in its own tables: deadlines and notices are rows that every run sweeps, so a restart loses no work).
    /// </summary>
    public static IServiceCollection AddSchedules(this IServiceCollection services, JobStorage? sharedStorage = null)
    {
        _ = Configuration.Value;
        services.AddSingleton<JobGate>();
        services.AddSingleton(new ScheduleNode($"{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..6]}"));
        services.AddSingleton<JobStorage>(_ => sharedStorage ?? new InMemoryStorage(new InMemoryStorageOptions()));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(_ => { });

        // Registered after AddHangfire's own, so that no container's logger factory or activator becomes Hangfire's
        // static default (AddHangfire would make the last container's both, and a disposed one stays behind).
        services.AddSingleton<IGlobalConfiguration>(_ => Configuration.Value);
        services.AddHangfireServer(Server);
        return services.AddHostedService<RecurringJobs>();
    }

    /// <summary>
    /// Declares a feature's recurring job; the schedule registers every declared job in the job storage as the host
    /// starts, so a new job is one call in its feature's AddXxx and nothing here.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, Func<JobOptions, string> cron, bool runsAtStart = false)
        where TJob : class, IRecurringJob
    {
        services.AddTransient<TJob>();
        return services.AddSingleton(new ScheduledJob(id, typeof(TJob), cron, runsAtStart));
    }
}

/// <summary>This process's name among the job servers (the dashboard's "Servers"; Hangfire adds the process id and a GUID).</summary>
public sealed record ScheduleNode(string Name);

/// <summary>
/// Puts every recurring job in the job storage as the host starts (on several nodes each writes the same definitions),
/// and asks for a sweep and a delivery at once when <see cref="JobOptions.RunAtStart"/>. When the storage cannot take
/// them yet (a lock left by a node that was killed, the database restarting), the node starts all the same and keeps
/// trying in the background: its job server already runs whatever the shared schedule holds.
/// </summary>
internal sealed class RecurringJobs(IRecurringJobManager recurring, IEnumerable<ScheduledJob> declared, IOptions<JobOptions> options, ILoggerFactory loggers) : IHostedService, IDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    private readonly IDisposable _log = JobLog.Provider.Attach(loggers);
    private readonly CancellationTokenSource _stopping = new();
    private Task _registering = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            Register();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            loggers.CreateLogger<RecurringJobs>().LogWarning(e, "The recurring jobs could not be written to the job storage yet; trying again every {Seconds} s", Retry.TotalSeconds);
            _registering = RegisterLaterAsync(_stopping.Token);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _registering.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _log.Dispose();
    }

    private async Task RegisterLaterAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            await Task.Delay(Retry, stopping);
            try
            {
                Register();
                loggers.CreateLogger<RecurringJobs>().LogInformation("The recurring jobs are written to the job storage");
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                loggers.CreateLogger<RecurringJobs>().LogWarning("The recurring jobs could not be written to the job storage yet: {Error}", e.Message);
            }
        }
    }

    private void Register()
    {
        var jobs = options.Value;
        var china = new RecurringJobOptions { TimeZone = Time.ProvinceCalendar.China.Zone };
        foreach (var job in declared)
        {
            var run = job.Job.GetMethod(nameof(IRecurringJob.RunAsync), [typeof(CancellationToken)])!;
            recurring.AddOrUpdate(job.Id, new Job(job.Job, run, CancellationToken.None), job.Cron(jobs), china);
        }

        if (jobs.RunAtStart)
        {
            foreach (var job in declared.Where(job => job.RunsAtStart))
            {
                recurring.Trigger(job.Id);
            }
        }
    }
}
