using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Policies;
using MiningRights.Rights;
using MiningRights.Workflows;

namespace MiningRights.Renewals;

/// <summary>
/// Every right in force carries its renewal process (<c>workflows/renewal.json</c>, CN-RENEW): the application is due
/// <c>RenewalLeadDays</c> (30) before expiry, with reminders; the authority decides before expiry; a renewal granted
/// extends the right and starts the process of the new term; no application, or a refusal, ends in the right lapsing
/// the day after it expires. A right gets its process when it is registered (a provisional licence when it is
/// re-issued for its service life); <see cref="EnsureAllAsync"/>, run daily, gives one to every right in force that
/// has none (rights registered before this release, a licence re-issued), and changes nothing when run again.
/// </summary>
public sealed class RenewalTracking(IServiceScopeFactory scopes, ILogger<RenewalTracking> logger)
{
    public const string Workflow = "renewal";
    public const string GrantedState = "granted";
    public const string TermYears = "termYears";
    public const string ExpiresOnDate = "expiresOn";
    public const string ApplyByDate = "applyBy";

    /// <summary>The states of a renewal process whose holder has applied (renewal.json: awaiting the decision, or refused).</summary>
    public static readonly IReadOnlyList<string> AppliedForStates = ["applied", "refused"];

    private const int Batch = 500;

    /// <summary>Starts the renewal process of <paramref name="right"/>'s present term in the caller's unit of work.</summary>
    /// <param name="asOf">The day whose definition applies: the registration's, or today's for a right imported from an existing register.</param>
    /// <param name="judgedFrom">For a right imported from an existing register, the day of the import (<see cref="ApplyBy"/>).</param>
    public static async Task StartAsync(WorkflowRuntime runtime, WorkflowRegistry registry, ProvinceParameters parameters, MiningRight right, Actor actor, CancellationToken ct,
        DateOnly? asOf = null, DateOnly? judgedFrom = null)
    {
        var definition = registry.ForChild(Workflow, asOf ?? right.RegisteredOn);
        await runtime.StartAsync(definition, new SubjectRef(RightSubjectKind.Kind, right.Id), actor,
            new Dictionary<string, DateOnly>
            {
                [ExpiresOnDate] = right.ExpiresOn,
                [ApplyByDate] = ApplyBy(right, parameters, judgedFrom),
            },
            new Dictionary<string, string>(), ct);
    }

    /// <summary>
    /// The day the renewal must be applied for: <c>RenewalLeadDays</c> before expiry (CN-RENEW). For a right the service
    /// learns of only on <paramref name="judgedFrom"/> (an imported register) when that day has already passed, the holder
    /// may apply until the licence expires: what happened before the service knew the right is not judged by it, as for
    /// an entered contract's duties.
    /// </summary>
    public static DateOnly ApplyBy(MiningRight right, ProvinceParameters parameters, DateOnly? judgedFrom)
    {
        var due = right.ExpiresOn.AddDays(-parameters.RenewalLeadDays);
        return judgedFrom is { } day && due < day ? right.ExpiresOn : due;
    }

    /// <summary>Gives a renewal process to each right in force that has none; answers how many were started.</summary>
    public async Task<int> EnsureAllAsync(CancellationToken ct)
    {
        var started = 0;
        var seen = new HashSet<Guid>();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<MiningRightsDbContext>();
            var runtime = services.GetRequiredService<WorkflowRuntime>();
            var registry = services.GetRequiredService<WorkflowRegistry>();
            var policies = services.GetRequiredService<PolicyBook>();
            var today = Time.ProvinceCalendar.China.DateAt(services.GetRequiredService<TimeProvider>().GetUtcNow());
            var uncovered = await db.Rights
                .Where(r => (r.Status == RightStatus.Active || r.Status == RightStatus.Suspended) && r.ExpiresOn >= today)
                .Where(r => !db.Set<WorkflowInstance>().Any(i => i.SubjectKind == RightSubjectKind.Kind && i.SubjectId == r.Id && i.DefinitionId == Workflow && !i.Finished))
                .OrderBy(r => r.Id).Take(Batch).ToListAsync(ct);
            // A right met again had its process end as it began: leave it to the log rather than loop.
            if (uncovered.Count == 0 || !uncovered.All(r => seen.Add(r.Id)))
            {
                return started;
            }

            foreach (var right in uncovered)
            {
                // Its renewal is tracked from today: a day to apply by that has passed is not judged (ApplyBy).
                await StartAsync(runtime, registry, policies.Parameters(right.LocationCountyCode, today), right, Actor.System("renewal coverage"), ct, judgedFrom: today);
            }

            await db.SaveChangesAsync(ct);
            started += uncovered.Count;
            logger.LogInformation("Renewal processes started for {Count} rights in force that had none ({Total} so far)", uncovered.Count, started);
        }
    }
}
