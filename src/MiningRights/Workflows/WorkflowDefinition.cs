using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MiningRights.Workflows;

/// <summary>
/// A workflow as written in a JSON file of <c>workflows/</c> (see <c>workflow.schema.json</c>): the states a right's
/// process moves through, the signals people send and the deadlines that fire when nobody acts.
/// </summary>
public sealed record WorkflowDefinition
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Stable identifier, e.g. <c>exploration-plan-deferral</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Several versions of one id may be loaded; an instance stays on the version it started with.</summary>
    public required int Version { get; init; }

    public required LocalizedText Title { get; init; }

    /// <summary>The POLICY.md rule IDs this workflow implements.</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    /// <summary>Six-digit code of the province whose notice the workflow applies.</summary>
    public required string Province { get; init; }

    /// <summary>First and last registration date the workflow may be started for (the policy's window in force).</summary>
    public required DateOnly ValidFrom { get; init; }

    public required DateOnly ValidUntil { get; init; }

    /// <summary>When a right may start this workflow at registration; absent for workflows started by activities.</summary>
    public WorkflowEligibility? AppliesTo { get; init; }

    public required string InitialState { get; init; }

    public required IReadOnlyDictionary<string, SignalDefinition> Signals { get; init; }

    public IReadOnlyDictionary<string, DeadlineDefinition> Deadlines { get; init; } = new Dictionary<string, DeadlineDefinition>();

    public required IReadOnlyDictionary<string, StateDefinition> States { get; init; }

    public required IReadOnlyList<TransitionDefinition> Transitions { get; init; }

    public IReadOnlyDictionary<string, NoticeDefinition> Notices { get; init; } = new Dictionary<string, NoticeDefinition>();
}

/// <summary>Conditions a right must meet to start the workflow at registration; the refusal names <see cref="Rule"/>.</summary>
public sealed record WorkflowEligibility
{
    public required string Rule { get; init; }

    public required string RightKind { get; init; }

    public required IReadOnlyList<string> TransferModes { get; init; }

    public bool? BlankArea { get; init; }
}

public sealed record SignalDefinition
{
    /// <summary>Roles allowed to send the signal (Holder, Authority, Inspector, Admin).</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    public required LocalizedText Label { get; init; }

    /// <summary>True for a signal that carries a document or a decision and is sent only through its own endpoint.</summary>
    public bool Dedicated { get; init; }
}

/// <summary>
/// A dated duty. Due date = the instance date named by <see cref="From"/> plus <see cref="Period"/> (or the
/// province parameter named by <see cref="PeriodParameter"/>, in days), never earlier than <see cref="NotBefore"/>.
/// </summary>
public sealed record DeadlineDefinition
{
    public required string Rule { get; init; }

    public required LocalizedText What { get; init; }

    public required string From { get; init; }

    public string? Period { get; init; }

    public string? PeriodParameter { get; init; }

    public string? NotBefore { get; init; }

    /// <summary>"parameter" for the province's reminder schedule, or an explicit list of days before the due date.</summary>
    public JsonNode? Reminders { get; init; }

    /// <summary>The notice sent for each reminder stage.</summary>
    public string? ReminderNotice { get; init; }

    /// <summary>
    /// True for a timer of the authority's (the grace before a case), not a duty of the holder: it is not listed
    /// among the holder's deadlines and its expiry does not count as a missed due date.
    /// </summary>
    public bool Escalation { get; init; }
}

public sealed record StateDefinition
{
    /// <summary>What the state means to the holder, shown in reminders and on the right ("plan not submitted").</summary>
    public required LocalizedText Status { get; init; }

    /// <summary>The deadline running while the instance is in this state; a later state naming the same deadline keeps it running.</summary>
    public string? Deadline { get; init; }

    public bool Final { get; init; }

    /// <summary>Activities run, in order, when the state is entered; each is an object with "activity" and its parameters.</summary>
    public IReadOnlyList<JsonObject> OnEntry { get; init; } = [];
}

public sealed record TransitionDefinition
{
    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary>Set for a transition fired by a person; exclusive with <see cref="Deadline"/>.</summary>
    public string? Signal { get; init; }

    /// <summary>Set for a transition fired when the named deadline expires.</summary>
    public string? Deadline { get; init; }

    public required string Rule { get; init; }

    /// <summary>Name of an instance date set to the day the transition fires, e.g. returnedOn.</summary>
    public string? Records { get; init; }
}

/// <summary>
/// A notice template. Every notice also carries the facts POLICY.md §5 requires (right, what is due, due date,
/// days left, rule and source), added by the composer, so a template only writes the subject, the lead and the action.
/// </summary>
public sealed record NoticeDefinition
{
    public required string Rule { get; init; }

    public required LocalizedText Subject { get; init; }

    public required LocalizedText Lead { get; init; }

    public required LocalizedText Action { get; init; }
}
