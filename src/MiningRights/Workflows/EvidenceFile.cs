namespace MiningRights.Workflows;

/// <summary>
/// A file sent with a signal (a duty's report, a relief claim, an inspector's findings), kept with the journal entry
/// of the step it came with, so a case shows each report with its own evidence. Stored by its hash under the
/// instance's folder; the client's file name is only its label.
/// </summary>
public sealed class EvidenceFile
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Guid InstanceId { get; init; }

    /// <summary>The journal entry (its <see cref="JournalEntry.Sequence"/>) of the step the file came with.</summary>
    public required int JournalSequence { get; init; }

    public required string FileName { get; init; }

    /// <summary>The type read from the file's bytes, not the one the client claimed.</summary>
    public required string ContentType { get; init; }

    public required long SizeBytes { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>Path under the evidence folder: the instance's folder and the hash.</summary>
    public required string StoragePath { get; init; }

    public required string UploadedBy { get; init; }

    public required DateTime UploadedAtUtc { get; init; }
}
