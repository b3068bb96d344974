using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Policies;
using MiningRights.Time;

namespace MiningRights.Workflows;

/// <summary>
/// Moves instances through their definitions. Every change (state, journal, deadlines, the activities' work) is
/// added to the caller's unit of work and commits with it in one SaveChanges, so a refused or failed transition
/// leaves nothing behind. The instance's version makes racing transitions fail with a concurrency error. The runtime
/// knows subjects only through their kinds, and names no workflow, rule, signal or date of its own.
/// </summary>
public sealed partial class WorkflowRuntime(
    MiningRightsDbContext db,
    WorkflowRegistry registry,
    IEnumerable<IWorkflowActivity> activities,
    IEnumerable<ITransitionGuard> guards,
    SubjectDirectory subjects,
    INoticeOutbox outbox,
    ProcessTriggers triggers,
    InstanceAccess access,
    PolicyBook book,
    IDecisionRegister decisions,
    TimeProvider time)
{
    private readonly Dictionary<string, IWorkflowActivity> _activities = activities.ToDictionary(a => a.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, ITransitionGuard> _guards = guards.ToDictionary(g => g.Name, StringComparer.Ordinal);

    private static ProvinceCalendar Calendar => ProvinceCalendar.China;

    public SubjectDirectory Subjects => subjects;

    /// <summary>
    /// Sends <paramref name="signal"/> to <paramref name="instance"/> on behalf of <paramref name="actor"/>, with the
    /// values its definition declares. Refused as not found when the actor may not see the instance, 403 when its role
    /// or place may not act, 400 for invalid values or a number of evidence files (<paramref name="evidenceFiles"/>) the
    /// signal does not take, 409 when the state does not take the signal, and with the guard's own answer when a guard
    /// refuses. The outcome names the journal entry of the step, which the caller's evidence files are kept with.
    /// A signal its definition declares a decision also takes the decision's formalities (<see cref="IDecisionRegister"/>):
    /// 422 when any is missing, and the decision is stored with the step.
    /// </summary>
    public async Task<SignalOutcome> SignalAsync(
        WorkflowInstance instance,
        string signal,
        Actor actor,
        string? note,
        CancellationToken ct,
        IReadOnlyDictionary<string, string?>? inputs = null,
        int evidenceFiles = 0)
    {
        if (!await access.SeesAsync(actor, instance, ct))
        {
            throw RefusalException.NotFound($"Workflow instance {instance.Id}", $"流程实例 {instance.Id}");
        }

        var definition = await registry.ResolveAsync(instance, db, ct);
        if (!definition.Definition.Signals.TryGetValue(signal, out var spec))
        {
            throw RefusalException.Invalid("signal", $"Workflow '{instance.DefinitionId}' has no signal '{Text.Cut(signal)}'.", $"流程“{instance.DefinitionId}”没有“{Text.Cut(signal)}”操作。");
        }

        // The service itself (a deadline, a job, the settling of a duty) may send any signal its definition has.
        if (!actor.IsSystem && !spec.Roles.Any(actor.IsInRole))
        {
            throw RefusalException.Forbidden($"'{spec.Label.En}' ({spec.Label.Zh}) may be done only by: {string.Join(", ", spec.Roles)}.",
                $"“{spec.Label.Zh}”仅限以下角色办理：{string.Join(", ", spec.Roles)}。");
        }

        if (!await access.MayActAsync(actor, instance, spec.Roles, ct, spec.ActsAt))
        {
            throw spec.ActsAt == SignalDefinition.ActsAtLocation
                ? RefusalException.Forbidden(
                    $"Only officers of {instance.JurisdictionCode}, where {instance.SubjectLabel} lies, or above may do this; your jurisdiction {actor.JurisdictionCode} may see it but not act.",
                    $"仅属地机关可办理：仅 {instance.SubjectLabel} 所在地 {instance.JurisdictionCode} 或其上级机关的工作人员可以办理此事项；您所在的辖区 {actor.JurisdictionCode} 可以查看，但不能办理。")
                : RefusalException.Forbidden(
                    $"Only officers of the registration authority ({instance.AuthorityCode}) or above may decide on {instance.SubjectLabel}; " +
                    $"your jurisdiction {actor.JurisdictionCode} may see it but not decide.",
                    $"仅登记机关可作出决定：仅登记机关（{instance.AuthorityCode}）或其上级机关的工作人员可以对 {instance.SubjectLabel} 作出决定；您所在的辖区 {actor.JurisdictionCode} 可以查看，但不能作出决定。");
        }

        var candidates = definition.Definition.Transitions.Where(t => t.From == instance.State && t.Signal == signal).ToList();
        if (candidates.Count == 0)
        {
            throw RefusalException.Conflict($"'{spec.Label.En}' ({spec.Label.Zh}) is not possible now: the {instance.DefinitionId} workflow is in state '{instance.State}'.",
                $"当前无法办理“{spec.Label.Zh}”：{instance.DefinitionId} 流程处于“{instance.State}”状态。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = Calendar.DateAt(new DateTimeOffset(now));
        var values = new InstanceValues(instance);
        var given = inputs ?? new Dictionary<string, string?>();
        var formalities = new Dictionary<string, string?>();
        if (spec.Decision is not null)
        {
            (given, formalities) = DecisionDraft.Split(given);
        }

        SignalInputs.Apply(signal, spec, given, values, today, evidenceFiles);
        DecisionDraft? decision = null;
        Guid? addressee = null;
        if (spec.Decision is not null)
        {
            var about = await subjects.GetAsync(instance.Subject, ct);
            // Addressed to the subject's holder as it stands now (a block's winning bidder is known only after the transaction).
            addressee = about.HolderId ?? instance.HolderId;
            decision = await decisions.CheckAsync(spec, instance, RulesInForce(instance, definition, about),
                // The document cites the basis chosen, alone, as in force on its day.
                basis => book.Cite(basis, [basis], about.Scope ?? new RuleSubject(about.JurisdictionCode), ArisenOn(instance), today), formalities, today, ct);
        }

        // The journal keeps what the signal carried (a report's amounts and dates, a decision's reasons): the history
        // shows every report as it was made, not only the values the instance holds now.
        var carried = string.Join("; ", spec.Inputs.Keys
            .Where(k => inputs?.GetValueOrDefault(k) is { Length: > 0 })
            .Select(k => $"{k} = {inputs![k]!.Trim()}"));
        if (carried.Length > 0)
        {
            note = note is null ? carried : $"{note} — {carried}";
        }

        var late = await LateAsync(instance, ct);
        var transition = await ChooseAsync(candidates, new Step(instance, definition, values, instance.State, instance.State, actor, $"signal:{signal}", candidates[0].Rule, note), ct);
        var text = late ? (note is null ? "late: after the due date" : $"{note} (late: after the due date)") : note;
        if (decision is not null)
        {
            text = $"{decision.Number} ({decision.Basis.RuleId}): {decision.Facts}" + (text is null ? string.Empty : $" — {text}");
        }

        var sequence = instance.Version + 1; // the entry EnterAsync journals first
        var entry = await EnterAsync(new Step(instance, definition, values, instance.State, transition.To, actor, $"signal:{signal}", transition.Rule, text,
            Records: transition.Records, DecisionNumber: decision?.Number), ct);
        if (decision is not null)
        {
            decisions.Record(decision, instance, addressee, signal, spec, entry, carried.Length > 0 ? carried : null, now);
        }
        return new SignalOutcome(transition, late, sequence, entry.RuleId);
    }

    private async Task<TransitionDefinition> ChooseAsync(IReadOnlyList<TransitionDefinition> candidates, Step step, CancellationToken ct)
    {
        RefusalException? first = null;
        foreach (var transition in candidates)
        {
            if (transition.Guard is null)
            {
                return transition;
            }

            // Guards run before the transition, so there is no journal entry yet.
            var refusal = await _guards[transition.Guard].CheckAsync(await ContextAsync(step, null!, new Dictionary<string, Deadline>(), ct), ct);
            if (refusal is null)
            {
                return transition;
            }

            first ??= refusal;
        }

        throw first!;
    }

    private async Task<JournalEntry> EnterAsync(Step step, CancellationToken ct)
    {
        var (instance, definition, values) = (step.Instance, step.Definition, step.Values);
        var now = time.GetUtcNow().UtcDateTime;
        var province = ParametersOf(instance);
        var subject = await subjects.GetAsync(instance.Subject, ct);
        if (step.Records is not null)
        {
            values.SetDate(step.Records, Calendar.DateAt(new DateTimeOffset(now)));
        }

        var from = step.From is null ? null : definition.Definition.States[step.From];
        var to = definition.Definition.States[step.To];
        var wasRunning = from?.Running ?? [];

        var open = await OpenDeadlinesAsync(instance, ct);
        var closing = wasRunning.Except(to.Running).ToList();
        if (closing.Count > 0)
        {
            foreach (var deadline in open.Where(d => closing.Contains(d.Name)))
            {
                deadline.Close(step.Trigger.StartsWith("signal:", StringComparison.Ordinal) ? DeadlineState.Met : DeadlineState.Closed, now);
                deadline.Version++;
            }
        }

        var opened = new Dictionary<string, Deadline>(StringComparer.Ordinal);
        foreach (var starting in to.Running.Except(wasRunning))
        {
            opened[starting] = OpenDeadline(instance, definition, values, starting, province, subject, now);
        }

        var entry = Journal(instance, step.Actor, step.Trigger, step.From, step.To, Cite(instance, definition, subject, step.Rule), step.Note, now);
        instance.State = step.To;
        instance.Finished = to.Final;
        instance.UpdatedAtUtc = now;
        if (to.Final)
        {
            await StampDeadlinesAsync(instance, ct);
        }

        var context = await ContextAsync(step, entry, opened, ct);

        // A stage already past when the deadline opens is sent now, so the holder hears of the deadline at once.
        foreach (var deadline in opened.Values)
        {
            if (deadline.TakePassedReminder(now, Calendar, province.ReminderHour) is { } daysBefore)
            {
                await ReminderNotices.QueueAsync(outbox, deadline, daysBefore, instance, definition, context.Subject,
                    Cite(instance, definition, context.Subject, definition.Definition.Deadlines[deadline.Name].Rule), now, ct);
            }

            deadline.Schedule(Calendar, province.ReminderHour);
        }

        foreach (var action in to.OnEntry)
        {
            var name = action["activity"]!.GetValue<string>();
            await _activities[name].ExecuteAsync(context, action, ct);
        }

        return entry;
    }

    private async Task<ActivityContext> ContextAsync(Step step, JournalEntry entry, IReadOnlyDictionary<string, Deadline> opened, CancellationToken ct) =>
        new()
        {
            Db = db,
            Runtime = this,
            Registry = registry,
            Subjects = subjects,
            Notices = outbox,
            Triggers = triggers,
            Instance = step.Instance,
            Definition = step.Definition,
            Subject = await subjects.GetAsync(step.Instance.Subject, ct),
            Actor = step.Actor,
            Entry = entry,
            NowUtc = time.GetUtcNow().UtcDateTime,
            Calendar = Calendar,
            Parameters = ParametersOf(step.Instance),
            Values = step.Values,
            ExpiredDeadline = step.Expired,
            OpenedDeadlines = opened,
            DecisionNumber = step.DecisionNumber,
        };

    private sealed record Step(
        WorkflowInstance Instance,
        LoadedDefinition Definition,
        InstanceValues Values,
        string? From,
        string To,
        Actor Actor,
        string Trigger,
        string Rule,
        string? Note,
        Deadline? Expired = null,
        string? Records = null,
        string? DecisionNumber = null);
}
