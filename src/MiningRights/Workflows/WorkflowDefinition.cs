using System.Text.Json.Serialization;

namespace MiningRights.Workflows;

/// <summary>
/// A workflow as written in a JSON file of <c>workflows/</c> (see <c>workflow.schema.json</c>): the states a process
/// moves through, the signals people send and the deadlines that fire when nobody acts. It runs on a subject (a right,
/// a case, ...), which decides who sees the instance and who is told of it.
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

    /// <summary>The kind of subject an instance runs on (<c>right</c>, <c>case</c>, ...): a registered <see cref="ISubjectKind"/>.</summary>
    public string Subject { get; init; } = "right";

    /// <summary>The dates whoever starts an instance must give (registeredOn, dueOn, ...); every other date is set by the definition.</summary>
    public IReadOnlyList<string> StartDates { get; init; } = [];

    /// <summary>The rule IDs of the policy catalogue this workflow implements.</summary>
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

    /// <summary>The signals a transition accepts in <paramref name="state"/>: what may be sent to an instance there.</summary>
    public IEnumerable<string> SignalsFrom(string state) =>
        Transitions.Where(t => t.From == state && t.Signal is not null).Select(t => t.Signal!).Distinct();

    /// <summary>Whether <paramref name="signal"/> moves an instance in <paramref name="state"/> (the runtime refuses it otherwise).</summary>
    public bool Offers(string state, string signal) => Transitions.Any(t => t.From == state && t.Signal == signal);
}
