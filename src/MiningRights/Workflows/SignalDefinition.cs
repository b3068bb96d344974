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
