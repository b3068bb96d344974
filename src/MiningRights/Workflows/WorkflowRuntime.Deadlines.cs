using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Data;
using MiningRights.Policies;
using MiningRights.Time;

namespace MiningRights.Workflows;

// The runtime's deadlines: opened on entering a state, expired by the sweep, moved by an extension, closed with the
// instance; lateness is judged by the due date.
public sealed partial class WorkflowRuntime
{
    // The rule is the one the extension is decided under, set for each extension.
    private static readonly NoticeDefinition ExtensionNotice = new()
    {
        Rule = string.Empty,
        Subject = new LocalizedText { Zh = "【延期】{licenseNumber} {what} 截止日期已调整", En = "Due date moved: {licenseNumber} {what}" },
        Lead = new LocalizedText { Zh = "登记机关调整了以下事项的截止日期。", En = "The registration authority has moved the due date of the duty below." },
        Action = new LocalizedText { Zh = "请按新的截止日期办理。", En = "Meet the new due date." },
    };

    // The deadlines of each instance this unit of work has read or opened, tracked. Kept here rather than read from
    // DbSet.Local, which detects changes on every tracked entity at each call: quadratic over a sweep's batch.
    private readonly Dictionary<Guid, List<Deadline>> _deadlines = [];

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
}
