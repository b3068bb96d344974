using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MiningRights.Storage;

/// <summary>
/// Keeps uploaded files under the data folder, in their area's folder and their owner's (a right for plans, a workflow
/// instance for evidence), named by their SHA-256, so the same file is stored once. What is stored has been checked to
/// be what its extension says (<see cref="DocumentContent"/>), and the type found is handed back. The client's file
/// name is kept only as a label: it is never part of a path.
/// </summary>
public sealed class DocumentStore(IOptions<StorageOptions> options)
{
    /// <summary>Longest file name kept as the label of an upload.</summary>
    public const int MaxFileNameLength = 200;

    /// <summary>A stored file; <c>ContentType</c> is the type read from its bytes, not the one the client sent.</summary>
    public sealed record Stored(DocumentArea Area, string RelativePath, string Sha256, long Size, bool Created, string ContentType);

    /// <summary>A stored file opened for reading, with the type read from its bytes.</summary>
    public sealed record Document(Stream Content, string ContentType);

    /// <summary>
    /// Refuses, as a 400 on <paramref name="field"/>, a file that is empty, larger than the configured limit, has a name
    /// longer than <see cref="MaxFileNameLength"/> or an extension <paramref name="area"/> does not take.
    /// <paramref name="what"/> names the file in the answer ("The plan document", "Evidence file 2"), <paramref name="whatZh"/>
    /// in Chinese ("方案文件", "第 2 个证明材料文件").
    /// </summary>
    public void Check(DocumentArea area, string field, Upload file, string what, string whatZh)
    {
        if (file.Length == 0)
        {
            throw RefusalException.Invalid(field, $"{what} is empty.", $"{whatZh}为空。");
        }

        if (file.Length > options.Value.MaxUploadBytes)
        {
            throw RefusalException.Invalid(field, $"{what} is {file.Length} bytes; at most {options.Value.MaxUploadBytes} bytes are accepted.",
                $"{whatZh}大小为 {file.Length} 字节；最多接受 {options.Value.MaxUploadBytes} 字节。");
        }

        if (!DocumentContent.Allowed(area, file.FileName) || file.FileName.Length > MaxFileNameLength)
        {
            throw RefusalException.Invalid(field, $"{what} must be one of {string.Join(", ", DocumentContent.Extensions(area))}, with a name of at most {MaxFileNameLength} characters.",
                $"{whatZh}的格式必须为 {string.Join(", ", DocumentContent.Extensions(area))} 之一，文件名最多 {MaxFileNameLength} 个字符。");
        }
    }

    /// <summary>Stores <paramref name="upload"/>; refused as a 400 on <paramref name="field"/> when its bytes are not what its name says.</summary>
    public async Task<Stored> SaveAsync(DocumentArea area, Guid owner, Upload upload, string field, CancellationToken ct)
    {
        var root = Root(area);
        var folder = Path.Combine(root, owner.ToString("N"));
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"upload-{Guid.NewGuid():N}.tmp");
        string hash;
        long size;
        var head = new byte[DocumentContent.HeadLength];
        var headLength = 0;
        await using (var source = upload.Open())
        await using (var target = File.Create(temp))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                if (headLength < head.Length)
                {
                    var take = Math.Min(read, head.Length - headLength);
                    buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                    headLength += take;
                }

                sha.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }

            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        var contentType = DocumentContent.Allowed(area, upload.FileName) ? DocumentContent.Detect(upload.FileName, head.AsSpan(0, headLength)) : null;
        if (contentType is null)
        {
            File.Delete(temp);
            throw RefusalException.Invalid(field,
                $"The content of {Text.Cut(Path.GetFileName(upload.FileName))} is not {DocumentContent.Describe(upload.FileName)}, as its name {Text.Cut(Path.GetExtension(upload.FileName))} says: " +
                "its first bytes are those of another kind of file. Send the document in the format its name gives.",
                $"文件内容与扩展名不符：{Text.Cut(Path.GetFileName(upload.FileName))} 的扩展名为 {Text.Cut(Path.GetExtension(upload.FileName))}，" +
                $"但其内容不是该扩展名所表明的格式（{DocumentContent.Describe(upload.FileName)}），开头字节属于另一种文件。请按文件名所示的格式发送文件。");
        }

        var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
        var relative = Path.Combine(owner.ToString("N"), hash + extension);
        var final = Path.Combine(root, relative);
        var created = !File.Exists(final);
        if (created)
        {
            File.Move(temp, final);
        }
        else
        {
            File.Delete(temp);
        }

        return new Stored(area, relative, hash, size, created, contentType);
    }

    /// <summary>Removes what <see cref="SaveAsync"/> created, when the change it belonged to was not saved.</summary>
    public void Remove(Stored stored)
    {
        if (stored.Created)
        {
            File.Delete(Path.Combine(Root(stored.Area), stored.RelativePath));
        }
    }

    /// <summary>
    /// The stored file with the type its bytes show. Read again rather than taken from the database, which holds
    /// whatever type the client claimed for files submitted before the check existed.
    /// </summary>
    public async Task<Document> OpenAsync(DocumentArea area, string relativePath, CancellationToken ct)
    {
        var stream = File.OpenRead(Path.Combine(Root(area), relativePath));
        try
        {
            var head = new byte[DocumentContent.HeadLength];
            var length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            stream.Position = 0;
            return new Document(stream, DocumentContent.Detect(relativePath, head.AsSpan(0, length)) ?? DocumentContent.Unknown);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private string Root(DocumentArea area) => area == DocumentArea.Plans ? options.Value.PlansDirectory : options.Value.EvidenceDirectory;
}
