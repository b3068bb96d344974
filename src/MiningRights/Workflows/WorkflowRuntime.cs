using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Decisions;
using MiningRights.Notifications;
using MiningRights.Policies;
using MiningRights.Time;

namespace MiningRights.Workflows;

/// <summary>
/// Moves instances through their definitions. Every change (state, journal, deadlines, the activities' work) is
/// added to the caller's unit of work and commits with it in one SaveChanges, so a refused or failed transition
/// leaves nothing behind. The instance's version makes racing transitions fail with a concurrency error. The runtime
/// knows subjects only through their kinds, and names no workflow, rule, signal or date of its own.
/// </summary>
public sealed class WorkflowRuntime(
    MiningRightsDbContext db,
    WorkflowRegistry registry,
    IEnumerable<IWorkflowActivity> activities,
    IEnumerable<ITransitionGuard> guards,
    SubjectDirectory subjects,
    INoticeOutbox outbox,
    InstanceAccess access,
    PolicyBook book,
    IDecisionRegister decisions,
    TimeProvider time)
{
    // The rule is the one the extension is decided under, set for each extension.
    private static readonly NoticeDefinition ExtensionNotice = new()
    {
        Rule = string.Empty,
        Subject = new LocalizedText { Zh = "【延期】{licenseNumber} {what} 截止日期已调整", En = "Due date moved: {licenseNumber} {what}" },
        Lead = new LocalizedText { Zh = "登记机关调整了以下事项的截止日期。", En = "The registration authority has moved the due date of the duty below." },
        Action = new LocalizedText { Zh = "请按新的截止日期办理。", En = "Meet the new due date." },
    };

    private readonly Dictionary<string, IWorkflowActivity> _activities = activities.ToDictionary(a => a.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, ITransitionGuard> _guards = guards.ToDictionary(g => g.Name, StringComparer.Ordinal);

    // The deadlines of each instance this unit of work has read or opened, tracked. Kept here rather than read from
    // DbSet.Local, which detects changes on every tracked entity at each call: quadratic over a sweep's batch.
    private readonly Dictionary<Guid, List<Deadline>> _deadlines = [];

    // Definitions whose snapshot this unit of work has found stored, so that a batch of starts asks once. Only what the
    // database answered is remembered: a snapshot merely added could be dropped with a failed save or a cleared tracker.
    private readonly HashSet<string> _storedSnapshots = new(StringComparer.Ordinal);

    private static ProvinceCalendar Calendar => ProvinceCalendar.China;

    public SubjectDirectory Subjects => subjects;

    /// <summary>Starts <paramref name="definition"/> on <paramref name="subject"/> with the dates the definition asks for at start.</summary>
    public async Task<WorkflowInstance> StartAsync(
        LoadedDefinition definition,
        SubjectRef subject,
        Actor actor,
        IReadOnlyDictionary<string, DateOnly> dates,
        IReadOnlyDictionary<string, string> data,
        CancellationToken ct,
        DateOnly? arisenOn = null)
    {
        if (definition.Definition.Subject != subject.Kind)
        {
            throw new InvalidOperationException($"{definition.File} runs on a {definition.Definition.Subject}, not on a {subject.Kind}.");
        }

        var missing = definition.Definition.StartDates.Where(d => !dates.ContainsKey(d)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{definition.File} starts with the dates {string.Join(", ", missing)}, which were not given.");
        }

        var about = await subjects.GetAsync(subject, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var instance = new WorkflowInstance
        {
            DefinitionId = definition.Definition.Id,
            DefinitionVersion = definition.Definition.Version,
            DefinitionHash = definition.ContentHash,
            SubjectKind = about.Kind,
            SubjectId = about.Id,
            SubjectLabel = about.Label,
            RightId = about.RightId,
            HolderId = about.HolderId,
            JurisdictionCode = about.JurisdictionCode,
            AuthorityCode = about.AuthorityCode,
            State = definition.Definition.InitialState,
            ArisenOn = arisenOn ?? Calendar.DateAt(new DateTimeOffset(now)),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        var values = new InstanceValues(instance);
        foreach (var (name, date) in dates)
        {
            values.SetDate(name, date);
        }

        foreach (var (name, value) in data)
        {
            values.Set(name, value);
        }

        db.WorkflowInstances.Add(instance);
        _deadlines[instance.Id] = [];
        if (!_storedSnapshots.Contains(definition.ContentHash)
            && db.DefinitionSnapshots.Local.All(s => s.ContentHash != definition.ContentHash)
            && !await SnapshotStoredAsync(definition.ContentHash, ct))
        {
            db.DefinitionSnapshots.Add(new DefinitionSnapshot
            {
                ContentHash = definition.ContentHash,
                DefinitionId = definition.Definition.Id,
                Version = definition.Definition.Version,
                Json = definition.Json,
                StoredAtUtc = now,
            });
        }

        var rule = definition.Definition.AppliesTo?.Rule ?? definition.Definition.Rules[0];
        await EnterAsync(new Step(instance, definition, values, null, definition.Definition.InitialState, actor, "start", rule, null), ct);
        return instance;
    }

    private async Task<bool> SnapshotStoredAsync(string hash, CancellationToken ct)
    {
        var stored = await db.DefinitionSnapshots.AnyAsync(s => s.ContentHash == hash, ct);
        if (stored)
        {
            _storedSnapshots.Add(hash);
        }

        return stored;
    }

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

    /// <summary>Fires the expiry transition of <paramref name="deadline"/>; does nothing if the instance has moved on.</summary>
    public async Task<bool> ExpireAsync(Deadline deadline, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.FindAsync([deadline.InstanceId], ct)
            ?? throw new InvalidOperationException($"Deadline {deadline.Id} belongs to no instance.");
        var definition = await registry.ResolveAsync(instance, db, ct);
        deadline.Close(DeadlineState.Expired, time.GetUtcNow().UtcDateTime);
        var candidates = definition.Definition.Transitions.Where(t => t.From == instance.State && t.Deadline == deadline.Name).ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        var values = new InstanceValues(instance);
        var trigger = $"deadline:{deadline.Name}";
        var transition = await ChooseAsync(candidates, new Step(instance, definition, values, instance.State, instance.State, Actor.Deadline, trigger, candidates[0].Rule, null, deadline), ct);
        if (transition.RecordsDue is { } recordsDue)
        {
            values.SetDate(recordsDue, deadline.DueOn);
        }

        await EnterAsync(new Step(instance, definition, values, instance.State, transition.To, Actor.Deadline, trigger,
            transition.Rule, $"due {deadline.DueOn:yyyy-MM-dd} passed", deadline, transition.Records), ct);
        return true;
    }

    /// <summary>Prefix of the instance date that keeps an extension granted for a deadline: <c>extended.due</c>.</summary>
    public const string ExtendedPrefix = "extended.";

    /// <summary>
    /// Moves an open deadline's due date (force majeure accepted, a justified reason, a rectification period): the
    /// stages not yet sent are recomputed from the new date, the journal records who decided, why and under which
    /// rule, and the holder is told. The instance stays in its state.
    /// </summary>
    public async Task ExtendAsync(Deadline deadline, DateOnly dueOn, string reason, string ruleId, Actor actor, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.FindAsync([deadline.InstanceId], ct)
            ?? throw new InvalidOperationException($"Deadline {deadline.Id} belongs to no instance.");
        await ExtendAsync(instance, deadline.Name, dueOn, reason, ruleId, actor, ct);
    }

    /// <summary>
    /// Moves the due date of the instance's deadline <paramref name="name"/> to <paramref name="dueOn"/>, whether it is
    /// running now or not. The extension is kept on the instance (<c>extended.{name}</c>), so a deadline opened again
    /// later (a report rejected, a duty resumed) falls due no earlier than granted; a running one moves now, as above.
    /// </summary>
    public async Task ExtendAsync(WorkflowInstance instance, string name, DateOnly dueOn, string reason, string ruleId, Actor actor, CancellationToken ct)
    {
        var definition = await registry.ResolveAsync(instance, db, ct);
        var province = ParametersOf(instance);
        var now = time.GetUtcNow().UtcDateTime;
        var values = new InstanceValues(instance);
        var subject = await subjects.GetAsync(instance.Subject, ct);
        var citation = Cite(instance, definition, subject, ruleId);
        var deadline = (await OpenDeadlinesAsync(instance, ct)).FirstOrDefault(d => d.Name == name);
        var before = deadline?.DueOn ?? values.Date(ExtendedPrefix + name) ?? values.Date(name);
        values.SetDate(ExtendedPrefix + name, dueOn);
        if (deadline is not null)
        {
            deadline.MoveTo(dueOn, Calendar, province.ReminderHour);
            deadline.Version++;
            values.SetDate(name, dueOn);
        }

        var entry = Journal(instance, actor, $"extend:{name}", instance.State, instance.State, citation,
            $"{before:yyyy-MM-dd} → {dueOn:yyyy-MM-dd}: {reason}", now);
        if (deadline is null)
        {
            // Nothing runs now to remind of: the date is kept for when the deadline opens again.
            return;
        }

        var facts = NoticeFacts.About(subject, definition.Definition.States[instance.State], deadline, citation, Calendar, now);
        await outbox.QueueAsync(new OutgoingNotice($"journal:{instance.Id}:{entry.Sequence}:extension", ExtensionNotice with { Rule = ruleId }, facts,
            // To the holder the process runs for (a block's instance may have none yet, whoever the subject names).
            [NoticeAudiences.Holder], subject with { HolderId = instance.HolderId }, "extension", instance, deadline.Id, now), ct);
    }

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
            instance.RightId = about.RightId;
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

    /// <summary>
    /// Whether a signal now comes after the holder's due date, judged by the date and not by whether a sweep has
    /// noticed: a holder deadline still open but past its day, or none open and the last one expired.
    /// </summary>
    private async Task<bool> LateAsync(WorkflowInstance instance, CancellationToken ct)
    {
        var open = (await OpenDeadlinesAsync(instance, ct)).Where(d => !d.Escalation).ToList();
        if (open.Count > 0)
        {
            return open.Any(d => d.ExpiresAtUtc <= time.GetUtcNow().UtcDateTime);
        }

        var last = await db.Deadlines.AsNoTracking().Where(d => d.InstanceId == instance.Id && !d.Escalation)
            .OrderByDescending(d => d.CreatedAtUtc).Select(d => (DeadlineState?)d.State).FirstOrDefaultAsync(ct);
        return last == DeadlineState.Expired;
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

    /// <summary>Reads the open deadlines of <paramref name="instanceIds"/> in one query, for a batch about to act on them.</summary>
    public async Task PrefetchDeadlinesAsync(IEnumerable<Guid> instanceIds, CancellationToken ct)
    {
        var missing = instanceIds.Where(id => !_deadlines.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var loaded = await db.Deadlines.Where(d => missing.Contains(d.InstanceId) && d.State == DeadlineState.Open).ToListAsync(ct);
        var byInstance = loaded.ToLookup(d => d.InstanceId);
        foreach (var id in missing)
        {
            _deadlines[id] = byInstance[id].ToList();
        }
    }

    /// <summary>Deadlines of the instance known to this unit of work (its open ones once read, and those opened since).</summary>
    internal IEnumerable<Deadline> KnownDeadlines(Guid instanceId) =>
        _deadlines.TryGetValue(instanceId, out var known) ? known : [];

    /// <summary>
    /// Copies onto every deadline of the instance, whatever its state (an expired duty is still counted as overdue),
    /// what the officers' overview counts it by: the place and authority of the instance's subject, and when its
    /// process finished. Called wherever those change on the instance; only the rows that differ are read.
    /// </summary>
    private async Task StampDeadlinesAsync(WorkflowInstance instance, CancellationToken ct)
    {
        var finishedAt = instance.Finished ? instance.UpdatedAtUtc : (DateTime?)null;
        var stale = await db.Deadlines
            .Where(d => d.InstanceId == instance.Id && (d.JurisdictionCode != instance.JurisdictionCode || d.AuthorityCode != instance.AuthorityCode
                || (d.ProcessFinishedAtUtc == null) == instance.Finished))
            .ToListAsync(ct);
        // The deadlines this unit of work knows (opened since, not saved yet) rather than DbSet.Local, whose every read
        // detects changes on all that is tracked: quadratic over a sweep's batch.
        foreach (var deadline in stale.Union(KnownDeadlines(instance.Id)))
        {
            deadline.JurisdictionCode = instance.JurisdictionCode;
            deadline.AuthorityCode = instance.AuthorityCode;
            deadline.ProcessFinishedAtUtc = instance.Finished ? deadline.ProcessFinishedAtUtc ?? finishedAt : null;
        }
    }

    /// <summary>The instance's open deadlines, tracked; read once per unit of work and instance.</summary>
    private async Task<IReadOnlyList<Deadline>> OpenDeadlinesAsync(WorkflowInstance instance, CancellationToken ct)
    {
        await PrefetchDeadlinesAsync([instance.Id], ct);
        return _deadlines[instance.Id].Where(d => d.State == DeadlineState.Open).ToList();
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

    private Deadline OpenDeadline(WorkflowInstance instance, LoadedDefinition definition, InstanceValues values, string name, ProvinceParameters province, Subject subject, DateTime now)
    {
        var spec = definition.Definition.Deadlines[name];
        var start = values.Date(spec.From)
            ?? throw new InvalidOperationException($"Deadline '{name}' of {definition.File} counts from '{spec.From}', which instance {instance.Id} has not recorded.");

        IsoPeriod period;
        if (spec.Period is not null)
        {
            period = IsoPeriod.Parse(spec.Period);
        }
        else
        {
            var days = province.Days(spec.PeriodParameter!);
            period = IsoPeriod.FromDays(days);

            // The value used is kept on the instance so that every date can be explained later.
            values.Set($"parameter.{spec.PeriodParameter}", days.ToString(CultureInfo.InvariantCulture));
        }

        var due = period.AddTo(start);
        if (spec.NotBefore is not null && values.Date(spec.NotBefore) is { } floor && floor > due)
        {
            due = floor;
        }

        // An extension granted while the deadline was not running (or before it closed) still stands.
        if (values.Date(ExtendedPrefix + name) is { } extended && extended > due)
        {
            due = extended;
        }

        values.SetDate(name, due);

        var reminders = spec.Reminders switch
        {
            JsonArray list => list.Select(n => n!.GetValue<int>()).ToArray(),
            JsonValue => province.ReminderDaysBefore.ToArray(),
            _ => [],
        };

        var deadline = new Deadline
        {
            InstanceId = instance.Id,
            HolderId = instance.HolderId,
            Name = name,
            RuleId = Cite(instance, definition, subject, spec.Rule).RuleId,
            WhatZh = values.Fill(spec.What.Zh),
            WhatEn = values.Fill(spec.What.En),
            DueOn = due,
            Escalation = spec.Escalation,
            JurisdictionCode = instance.JurisdictionCode,
            AuthorityCode = instance.AuthorityCode,
            ReminderDays = string.Join(',', reminders.OrderByDescending(d => d).Select(d => d.ToString(CultureInfo.InvariantCulture))),
            CreatedAtUtc = now,
        };
        db.Deadlines.Add(deadline);
        _deadlines[instance.Id].Add(deadline);
        return deadline;
    }

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
