namespace MiningRights.Workflows;

/// <summary>Something a person does to an instance: who may, and what they must say with it.</summary>
public sealed record SignalDefinition
{
    /// <summary>Roles allowed to send the signal (Holder, Authority, Inspector, Admin).</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    public required LocalizedText Label { get; init; }

    /// <summary>True for a signal that carries a document or a decision and is sent only through its own endpoint.</summary>
    public bool Dedicated { get; init; }

    /// <summary>
    /// For a signal that decides a submitted plan, the plan's status after it: <c>approved</c> or <c>returned</c>. The
    /// plan use cases look the signal up by this, so each workflow names its own decision signals (approve, reviewPassed).
    /// </summary>
    public string? DecidesPlan { get; init; }

    public const string PlanApproved = "approved";
    public const string PlanReturned = "returned";

    /// <summary>Set for a formal decision: the runtime requires its formalities and stores it (<see cref="DecisionDefinition"/>).</summary>
    public DecisionDefinition? Decision { get; init; }

    /// <summary>True when the plan decision is the result of an expert review (专家评审, GS-9e): panel, date and findings are recorded with it.</summary>
    public bool ExpertReview { get; init; }

    /// <summary>
    /// Where an Authority officer must sit to send the signal: <c>authority</c> (the default), the subject's registration
    /// authority or above; or <c>location</c>, the jurisdiction the subject lies in or above (the county that verifies a
    /// right records the result, the authority it reports to decides on it).
    /// </summary>
    public string ActsAt { get; init; } = ActsAtAuthority;

    public const string ActsAtAuthority = "authority";
    public const string ActsAtLocation = "location";

    /// <summary>
    /// Whether the signal carries evidence files: <c>none</c> (the default), <c>optional</c> or <c>required</c>. The
    /// files are kept with the step's journal entry (<see cref="EvidenceFile"/>).
    /// </summary>
    public string Evidence { get; init; } = EvidenceNone;

    public const string EvidenceNone = "none";
    public const string EvidenceOptional = "optional";
    public const string EvidenceRequired = "required";

    /// <summary>Values the sender gives with the signal, checked by the runtime and kept on the instance (dates as dates).</summary>
    public IReadOnlyDictionary<string, SignalInput> Inputs { get; init; } = new Dictionary<string, SignalInput>();
}
