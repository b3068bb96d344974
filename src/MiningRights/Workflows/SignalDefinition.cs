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
