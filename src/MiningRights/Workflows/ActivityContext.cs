using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Notifications;
using MiningRights.Policies;
using MiningRights.Rights;
using MiningRights.Time;

namespace MiningRights.Workflows;

/// <summary>What an activity or a guard may see and change while a transition runs; its changes commit with the transition.</summary>
public sealed class ActivityContext
{
    public required MiningRightsDbContext Db { get; init; }

    /// <summary>The runtime running the transition, for activities that start further workflows in the same unit of work.</summary>
    public required WorkflowRuntime Runtime { get; init; }

    public required WorkflowRegistry Registry { get; init; }


    public required SubjectDirectory Subjects { get; init; }

    /// <summary>Where a step's notices go; they commit with the step.</summary>
    public required INoticeOutbox Notices { get; init; }

    /// <summary>Raises what the step made happen, for the processes other features start on it.</summary>
    public required ProcessTriggers Triggers { get; init; }

    public required WorkflowInstance Instance { get; init; }

    public required LoadedDefinition Definition { get; init; }

    public required Subject Subject { get; init; }

    public required Actor Actor { get; init; }

    public required JournalEntry Entry { get; init; }

    public required DateTime NowUtc { get; init; }

    public required ProvinceCalendar Calendar { get; init; }

    public required ProvinceParameters Parameters { get; init; }

    public required InstanceValues Values { get; init; }

    /// <summary>The document number of the decision the step takes (a signal declared a decision); its notices name it.</summary>
    public string? DecisionNumber { get; init; }

    /// <summary>The deadline whose expiry fired the transition, if one did.</summary>
    public Deadline? ExpiredDeadline { get; init; }

    /// <summary>Deadlines opened by this transition, by name.</summary>
    public required IReadOnlyDictionary<string, Deadline> OpenedDeadlines { get; init; }

    public DateOnly Today => Calendar.DateAt(new DateTimeOffset(NowUtc));

    /// <summary>The parameters in force where the subject lies on <paramref name="day"/> (the law on the day of an application, not of the duty).</summary>
    public ProvinceParameters ParametersOn(DateOnly day) => Runtime.Parameters(Instance.JurisdictionCode, day);

    /// <summary>The day the instance's duty arose: a process it starts (a case) keeps it, and with it the rules it arose under.</summary>
    public DateOnly ArisenOn => WorkflowRuntime.ArisenOn(Instance);

    /// <summary>What an act of this step under <paramref name="reference"/> (a rule ID or a provision of the definition) cites today.</summary>
    public Citation Cite(string reference) => Runtime.Cite(Instance, Definition, Subject, reference);

    /// <summary>The latest deadline of this instance named <paramref name="name"/>: opened now, just expired, or stored.</summary>
    public async Task<Deadline?> DeadlineAsync(string name, CancellationToken ct)
    {
        if (OpenedDeadlines.TryGetValue(name, out var opened))
        {
            return opened;
        }

        if (ExpiredDeadline?.Name == name)
        {
            return ExpiredDeadline;
        }

        return Runtime.KnownDeadlines(Instance.Id).Where(d => d.Name == name).MaxBy(d => d.CreatedAtUtc)
            ?? await Db.Deadlines.Where(d => d.InstanceId == Instance.Id && d.Name == name).OrderByDescending(d => d.CreatedAtUtc).FirstOrDefaultAsync(ct);
    }
}
