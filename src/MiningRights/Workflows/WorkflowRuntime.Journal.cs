using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Policies;
using MiningRights.Time;

namespace MiningRights.Workflows;

// What the runtime records and cites: journal entries, the rules in force for an instance and its province's
// parameters, and instances that end or follow their subject.
public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Ends every process still running on <paramref name="subject"/> but <paramref name="except"/> (a right withdrawn or
    /// lapsed owes no more duties, and is reminded of none): their open deadlines close, each is finished in the state it
    /// was in, and its journal says why and under which rule. Returns how many were ended.
    /// </summary>
    public async Task<int> EndRunningAsync(SubjectRef subject, Guid except, string ruleId, string reason, Actor actor, CancellationToken ct)
    {
        var stored = await db.WorkflowInstances
            .Where(i => i.SubjectKind == subject.Kind && i.SubjectId == subject.Id && !i.Finished && i.Id != except).ToListAsync(ct);
        var running = stored.Union(db.WorkflowInstances.Local.Where(i => i.SubjectKind == subject.Kind && i.SubjectId == subject.Id && !i.Finished && i.Id != except)).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        await PrefetchDeadlinesAsync(running.Select(i => i.Id), ct);
        foreach (var instance in running)
        {
            foreach (var deadline in await OpenDeadlinesAsync(instance, ct))
            {
                deadline.Close(DeadlineState.Closed, now);
                deadline.Version++;
            }

            var definition = await registry.ResolveAsync(instance, db, ct);
            Journal(instance, actor, "end", instance.State, instance.State, Cite(instance, definition, await subjects.GetAsync(instance.Subject, ct), ruleId), reason, now);
            instance.Finished = true;
            instance.UpdatedAtUtc = now;
            await StampDeadlinesAsync(instance, ct);
        }

        return running.Count;
    }

    /// <summary>
    /// Records in the instance's journal something decided about it that moves no state (an objection received and
    /// decided, a report), under <paramref name="ruleId"/>. It counts a version of the instance like every entry, so a
    /// transition racing it fails as a lost race instead of missing what was recorded.
    /// </summary>
    public async Task<JournalEntry> RecordAsync(WorkflowInstance instance, Actor actor, string trigger, string ruleId, string note, CancellationToken ct)
    {
        var definition = await registry.ResolveAsync(instance, db, ct);
        var citation = Cite(instance, definition, await subjects.GetAsync(instance.Subject, ct), ruleId);
        return Journal(instance, actor, trigger, instance.State, instance.State, citation, note, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// What an act on <paramref name="instance"/> under <paramref name="reference"/> (a rule ID or a provision of its
    /// definition) cites today: the provincial rules in force on the day its duty arose where they reach its subject, and
    /// the national rules in force today.
    /// </summary>
    public Citation Cite(WorkflowInstance instance, LoadedDefinition definition, Subject subject, string reference) =>
        book.Cite(reference, definition.Definition.Rules, subject.Scope ?? new RuleSubject(subject.JurisdictionCode), ArisenOn(instance),
            Calendar.DateAt(time.GetUtcNow()));

    /// <summary>
    /// The rules in force for the subject today that the instance's definition names (or whose provisions it names): what
    /// a decision on it may give as its legal basis.
    /// </summary>
    public IReadOnlyList<PolicyRule> RulesInForce(WorkflowInstance instance, LoadedDefinition definition, Subject subject)
    {
        var scope = subject.Scope ?? new RuleSubject(subject.JurisdictionCode);
        var today = Calendar.DateAt(time.GetUtcNow());
        return definition.Definition.Rules.Select(r => book.Resolve(r, scope, ArisenOn(instance), today)).OfType<PolicyRule>().DistinctBy(r => r.Id).ToList();
    }

    /// <summary>The rules a decision on the instance may give as its basis (<see cref="RulesInForce(WorkflowInstance, LoadedDefinition, Subject)"/>).</summary>
    public async Task<IReadOnlyList<PolicyRule>> RulesInForceAsync(WorkflowInstance instance, CancellationToken ct) =>
        RulesInForce(instance, await registry.ResolveAsync(instance, db, ct), await subjects.GetAsync(instance.Subject, ct));

    /// <summary>The day the instance's duty arose; for instances from before it was kept, the day it started.</summary>
    public static DateOnly ArisenOn(WorkflowInstance instance) =>
        instance.ArisenOn ?? Calendar.DateAt(new DateTimeOffset(instance.CreatedAtUtc, TimeSpan.Zero));

    /// <summary>The parameters in force in the province of <paramref name="jurisdictionCode"/> on <paramref name="on"/>.</summary>
    public ProvinceParameters Parameters(string jurisdictionCode, DateOnly on) => book.Parameters(jurisdictionCode, on);

    /// <summary>The parameters the instance runs by: its province's, as in force on the day its duty arose.</summary>
    public ProvinceParameters ParametersOf(WorkflowInstance instance) => book.Parameters(instance.JurisdictionCode, ArisenOn(instance));

    /// <summary>
    /// The subject's owner, places or label changed (a block won by a holder, a block registered as a right): its running
    /// instances and their open deadlines take the new facts, so that who sees them and who is told follows the subject.
    /// The caller describes the subject as it now is (it may not be saved yet) and calls this before signalling; the
    /// changes commit with the caller's.
    /// </summary>
    public async Task FollowSubjectAsync(Subject about, CancellationToken ct)
    {
        subjects.Remember(about);
        var subject = new SubjectRef(about.Kind, about.Id);
        var running = await db.WorkflowInstances.Where(i => i.SubjectKind == subject.Kind && i.SubjectId == subject.Id && !i.Finished).ToListAsync(ct);
        foreach (var instance in running)
        {
            instance.SubjectLabel = about.Label;
            instance.DossierId = about.DossierId;
            instance.HolderId = about.HolderId;
            instance.JurisdictionCode = about.JurisdictionCode;
            instance.AuthorityCode = about.AuthorityCode;
            foreach (var deadline in await OpenDeadlinesAsync(instance, ct))
            {
                deadline.HolderId = about.HolderId;
            }

            await StampDeadlinesAsync(instance, ct);
        }
    }

    /// <summary>Every journal entry counts one version of the instance, so the sequence needs no query.</summary>
    private JournalEntry Journal(WorkflowInstance instance, Actor actor, string trigger, string? from, string to, Citation citation, string? note, DateTime now)
    {
        instance.Version++;
        var entry = new JournalEntry
        {
            InstanceId = instance.Id,
            Sequence = instance.Version,
            AtUtc = now,
            Actor = actor.Name,
            Trigger = trigger,
            FromState = from,
            ToState = to,
            RuleId = citation.RuleId,
            Citation = citation.Text,
            Note = note is { Length: > JournalEntry.MaxNoteLength } ? note[..JournalEntry.MaxNoteLength] : note,
        };
        db.Journal.Add(entry);
        return entry;
    }
}
