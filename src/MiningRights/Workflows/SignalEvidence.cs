using Microsoft.Extensions.Options;
using MiningRights.Data;
using MiningRights.Storage;

namespace MiningRights.Workflows;

/// <summary>
/// Keeps the evidence files a signal carries with the journal entry of its step, the one way every process takes files
/// (a duty's report, a relief claim, an inspector's findings): each checked for size, name and kind before anything is
/// done, stored by its hash once the runtime has taken the signal, and recorded in the caller's unit of work. When that
/// unit of work is not saved, <see cref="Discard"/> removes what was stored, so a refused request leaves no file.
/// </summary>
public sealed class SignalEvidence(MiningRightsDbContext db, DocumentStore store, IOptions<StorageOptions> options, TimeProvider time)
{
    /// <summary>Refuses (400 on <c>files</c>) too many files, or one that is empty, too large, badly named or of a kind not taken.</summary>
    public void Check(IReadOnlyList<Upload> files)
    {
        if (files.Count > options.Value.MaxEvidenceFiles)
        {
            throw RefusalException.Invalid(SignalInputs.FilesField, $"At most {options.Value.MaxEvidenceFiles} evidence files may be sent at once; {files.Count} were.",
                $"一次最多可提交 {options.Value.MaxEvidenceFiles} 个证明材料文件；本次提交了 {files.Count} 个。");
        }

        for (var i = 0; i < files.Count; i++)
        {
            store.Check(DocumentArea.Evidence, SignalInputs.FilesField, files[i], $"Evidence file {i + 1} ({Text.Cut(Path.GetFileName(files[i].FileName))})",
                $"第 {i + 1} 个证明材料文件（{Text.Cut(Path.GetFileName(files[i].FileName))}）");
        }
    }

    /// <summary>Files stored for a step and their rows, added to the unit of work.</summary>
    public sealed record Kept(IReadOnlyList<EvidenceFile> Files, IReadOnlyList<DocumentStore.Stored> Stored)
    {
        /// <summary>The files in words for the audit trail: name, size and hash.</summary>
        public string Describe() => Files.Count == 0
            ? string.Empty
            : "; evidence: " + string.Join(", ", Files.Select(f => $"{f.FileName} ({f.SizeBytes} bytes, sha256 {f.Sha256})"));
    }

    /// <summary>Stores the files and adds their rows for the journal entry <paramref name="sequence"/> of <paramref name="instance"/>.</summary>
    public async Task<Kept> KeepAsync(WorkflowInstance instance, int sequence, IReadOnlyList<Upload> files, string uploadedBy, CancellationToken ct)
    {
        var kept = new List<(EvidenceFile Row, DocumentStore.Stored Stored)>();
        try
        {
            foreach (var file in files)
            {
                var stored = await store.SaveAsync(DocumentArea.Evidence, instance.Id, file, SignalInputs.FilesField, ct);
                kept.Add((new EvidenceFile
                {
                    InstanceId = instance.Id,
                    JournalSequence = sequence,
                    FileName = Path.GetFileName(file.FileName),
                    ContentType = stored.ContentType,
                    SizeBytes = stored.Size,
                    Sha256 = stored.Sha256,
                    StoragePath = stored.RelativePath,
                    UploadedBy = uploadedBy,
                    UploadedAtUtc = time.GetUtcNow().UtcDateTime,
                }, stored));
            }
        }
        catch
        {
            foreach (var (_, stored) in kept)
            {
                store.Remove(stored);
            }

            throw;
        }

        db.Evidence.AddRange(kept.Select(k => k.Row));
        return new Kept(kept.Select(k => k.Row).ToList(), kept.Select(k => k.Stored).ToList());
    }

    /// <summary>Removes the files this request stored, when its change was not saved.</summary>
    public void Discard(Kept kept)
    {
        foreach (var stored in kept.Stored)
        {
            store.Remove(stored);
        }
    }

    /// <summary>The file of <paramref name="row"/>, with the type its bytes show.</summary>
    public Task<DocumentStore.Document> OpenAsync(EvidenceFile row, CancellationToken ct) => store.OpenAsync(DocumentArea.Evidence, row.StoragePath, ct);
}
