using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiningRights.Data;
using MiningRights.Deadlines;
using MiningRights.Policies;
using MiningRights.Rights;

namespace MiningRights.Workflows;

/// <summary>
/// Moves instances through their definitions. Every change (state, journal, deadlines, the activities' work) is
/// added to the caller's unit of work and commits with it in one SaveChanges, so a refused or failed transition
/// leaves nothing behind. The instance's version makes racing transitions fail with a concurrency error.
/// </summary>
public sealed class WorkflowRuntime(
    MiningRightsDbContext db,
    WorkflowRegistry registry,
    IEnumerable<IWorkflowActivity> activities,
    IOptions<ParameterOptions> parameters,
    TimeProvider time)
{
    private readonly Dictionary<string, IWorkflowActivity> _activities = activities.ToDictionary(a => a.Name, StringComparer.Ordinal);

    private static ProvinceCalendar Calendar => ProvinceCalendar.China;

    /// <summary>Starts <paramref name="definition"/> for <paramref name="right"/> with its first dates and values.</summary>
    public async Task<WorkflowInstance> StartAsync(
        LoadedDefinition definition,
        MiningRight right,
        Actor actor,
        IReadOnlyDictionary<string, DateOnly> dates,
        IReadOnlyDictionary<string, string> data,
        CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var instance = new WorkflowInstance
        {
            DefinitionId = definition.Definition.Id,
            DefinitionVersion = definition.Definition.Version,
            DefinitionHash = definition.ContentHash,
            RightId = right.Id,
            HolderId = right.HolderId,
            State = definition.Definition.InitialState,
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
        if (!await db.DefinitionSnapshots.AnyAsync(s => s.ContentHash == definition.ContentHash, ct)
            && !db.DefinitionSnapshots.Local.Any(s => s.ContentHash == definition.ContentHash))
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
        await EnterAsync(instance, definition, values, fromState: null, definition.Definition.InitialState, actor, "start", rule, null, expired: null, right, ct);
        return instance;
    }

    /// <summary>Sends <paramref name="signal"/> to <paramref name="instance"/> on behalf of <paramref name="actor"/>.</summary>
    public async Task SignalAsync(WorkflowInstance instance, string signal, Actor actor, string? note, CancellationToken ct)
    {
        var definition = await registry.ResolveAsync(instance, db, ct);
        if (!definition.Definition.Signals.TryGetValue(signal, out var signalDefinition))
        {
            throw RefusalException.Invalid("signal", $"Workflow '{instance.DefinitionId}' has no signal '{signal}'.");
        }

        if (!signalDefinition.Roles.Any(actor.IsInRole))
        {
            throw RefusalException.Forbidden($"Signal '{signal}' may be sent only by: {string.Join(", ", signalDefinition.Roles)}.");
        }

        var transition = definition.Definition.Transitions.FirstOrDefault(t => t.From == instance.State && t.Signal == signal)
            ?? throw RefusalException.Conflict($"'{signalDefinition.Label.En}' ({signalDefinition.Label.Zh}) is not possible now: the {instance.DefinitionId} workflow is in state '{instance.State}'.");

        var right = await db.Rights.SingleAsync(r => r.Id == instance.RightId, ct);
        await EnterAsync(instance, definition, new InstanceValues(instance), instance.State, transition.To, actor,
            $"signal:{signal}", transition.Rule, note, expired: null, right, ct, transition.Records);
    }

    /// <summary>Fires the expiry transition of <paramref name="deadline"/>; does nothing if the instance has moved on.</summary>
    public async Task<bool> ExpireAsync(Deadline deadline, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == deadline.InstanceId, ct);
        var definition = await registry.ResolveAsync(instance, db, ct);
        var transition = definition.Definition.Transitions.FirstOrDefault(t => t.From == instance.State && t.Deadline == deadline.Name);
        deadline.Close(DeadlineState.Expired, time.GetUtcNow().UtcDateTime);
        if (transition is null)
        {
            return false;
        }

        var values = new InstanceValues(instance);
        if (!definition.Definition.Deadlines[deadline.Name].Escalation)
        {
            values.SetDate("missedDue", deadline.DueOn);
        }

        var right = await db.Rights.SingleAsync(r => r.Id == instance.RightId, ct);
        await EnterAsync(instance, definition, values, instance.State, transition.To, Actor.Deadline,
            $"deadline:{deadline.Name}", transition.Rule, $"due {deadline.DueOn:yyyy-MM-dd} passed", deadline, right, ct, transition.Records);
        return true;
    }

    private async Task EnterAsync(
        WorkflowInstance instance,
        LoadedDefinition definition,
        InstanceValues values,
        string? fromState,
        string toState,
        Actor actor,
        string trigger,
        string ruleId,
        string? note,
        Deadline? expired,
        MiningRight right,
        CancellationToken ct,
        string? records = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var calendar = Calendar;
        var today = calendar.DateAt(new DateTimeOffset(now));
        var provinceParameters = parameters.Value.For(definition.Definition.Province);
        if (records is not null)
        {
            values.SetDate(records, today);
        }

        var from = fromState is null ? null : definition.Definition.States[fromState];
        var to = definition.Definition.States[toState];

        var opened = new Dictionary<string, Deadline>(StringComparer.Ordinal);
        if (from?.Deadline is { } running && running != to.Deadline)
        {
            var open = await db.Deadlines
                .Where(d => d.InstanceId == instance.Id && d.Name == running && d.State == DeadlineState.Open)
                .ToListAsync(ct);
            foreach (var deadline in open.Where(d => d.State == DeadlineState.Open))
            {
                deadline.Close(trigger.StartsWith("signal:", StringComparison.Ordinal) ? DeadlineState.Met : DeadlineState.Closed, now);
            }
        }

        if (to.Deadline is { } starting && starting != from?.Deadline)
        {
            opened[starting] = OpenDeadline(instance, definition, values, starting, provinceParameters, now);
        }

        var sequence = 1 + (fromState is null ? 0 : await db.Journal.Where(j => j.InstanceId == instance.Id).MaxAsync(j => (int?)j.Sequence, ct) ?? 0);
        var entry = new JournalEntry
        {
            InstanceId = instance.Id,
            Sequence = sequence,
            AtUtc = now,
            Actor = actor.Name,
            Trigger = trigger,
            FromState = fromState,
            ToState = toState,
            RuleId = ruleId,
            Note = note,
        };
        db.Journal.Add(entry);

        instance.State = toState;
        instance.Finished = to.Final;
        instance.Version++;
        instance.UpdatedAtUtc = now;

        var holder = await db.Holders.SingleAsync(h => h.Id == instance.HolderId, ct);
        var context = new ActivityContext
        {
            Db = db,
            Runtime = this,
            Registry = registry,
            Instance = instance,
            Definition = definition,
            Right = right,
            Holder = holder,
            Actor = actor,
            Entry = entry,
            NowUtc = now,
            Calendar = calendar,
            Parameters = provinceParameters,
            Values = values,
            ExpiredDeadline = expired,
            OpenedDeadlines = opened,
        };

        foreach (var action in to.OnEntry)
        {
            var name = action["activity"]!.GetValue<string>();
            await _activities[name].ExecuteAsync(context, action, ct);
        }
    }

    private Deadline OpenDeadline(
        WorkflowInstance instance,
        LoadedDefinition definition,
        InstanceValues values,
        string name,
        ProvinceParameters provinceParameters,
        DateTime now)
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
            var days = spec.PeriodParameter switch
            {
                nameof(ProvinceParameters.CaseGraceDays) => provinceParameters.CaseGraceDays,
                nameof(ProvinceParameters.ResubmissionWindowDays) => provinceParameters.ResubmissionWindowDays,
                _ => throw new InvalidOperationException($"Unknown period parameter '{spec.PeriodParameter}'."),
            };
            period = IsoPeriod.FromDays(days);

            // The value used is kept on the instance so that every date can be explained later.
            values.Set($"parameter.{spec.PeriodParameter}", days.ToString(CultureInfo.InvariantCulture));
        }

        var due = period.AddTo(start);
        if (spec.NotBefore is not null && values.Date(spec.NotBefore) is { } floor && floor > due)
        {
            due = floor;
        }

        values.SetDate(name, due);

        var reminders = spec.Reminders switch
        {
            JsonArray list => list.Select(n => n!.GetValue<int>()).ToArray(),
            JsonValue => provinceParameters.ReminderDaysBefore,
            _ => [],
        };

        var deadline = new Deadline
        {
            InstanceId = instance.Id,
            RightId = instance.RightId,
            HolderId = instance.HolderId,
            Name = name,
            RuleId = spec.Rule,
            WhatZh = values.Fill(spec.What.Zh),
            WhatEn = values.Fill(spec.What.En),
            DueOn = due,
            Escalation = spec.Escalation,
            ReminderDays = string.Join(',', reminders.OrderByDescending(d => d).Select(d => d.ToString(CultureInfo.InvariantCulture))),
            CreatedAtUtc = now,
        };
        deadline.SkipPassedReminders(now, Calendar, provinceParameters.ReminderHour);
        deadline.Schedule(Calendar, provinceParameters.ReminderHour);
        db.Deadlines.Add(deadline);
        return deadline;
    }
}
