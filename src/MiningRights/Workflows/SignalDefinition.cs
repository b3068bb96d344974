namespace MiningRights.Workflows;

public sealed record SignalDefinition
{
    /// <summary>Roles allowed to send the signal (Holder, Authority, Inspector, Admin).</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    public required LocalizedText Label { get; init; }

    /// <summary>True for a signal that carries a document or a decision and is sent only through its own endpoint.</summary>
    public bool Dedicated { get; init; }
}
