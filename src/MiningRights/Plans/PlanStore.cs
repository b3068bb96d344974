using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MiningRights.Storage;

namespace MiningRights.Plans;

/// <summary>
/// Keeps plan files under the data folder, named by their SHA-256, so the same file is stored once. What is stored
/// has been checked to be what its extension says (<see cref="PlanContent"/>), and the type found is handed back.
/// </summary>
public sealed class PlanStore(IOptions<StorageOptions> options)
{
    /// <summary>A stored file; <c>ContentType</c> is the type read from its bytes, not the one the client sent.</summary>
    public sealed record Stored(string RelativePath, string Sha256, long Size, bool Created, string ContentType);

    /// <summary>A stored file opened for reading, with the type read from its bytes.</summary>
    public sealed record Document(Stream Content, string ContentType);

    public async Task<Stored> SaveAsync(Guid rightId, PlanUpload upload, CancellationToken ct)
    {
        var folder = Path.Combine(options.Value.PlansDirectory, rightId.ToString("N"));
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"upload-{Guid.NewGuid():N}.tmp");
        string hash;
        long size;
        var head = new byte[PlanContent.HeadLength];
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

        var contentType = PlanContent.Detect(upload.FileName, head.AsSpan(0, headLength));
        if (contentType is null)
        {
            File.Delete(temp);
            throw RefusalException.Invalid("file",
                $"The file's content is not {PlanContent.Describe(upload.FileName)}, as its name {Path.GetExtension(upload.FileName)} says: " +
                "its first bytes are those of another kind of file. Send the document in the format its name gives. 文件内容与扩展名不符。");
        }

        var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
        var relative = Path.Combine(rightId.ToString("N"), hash + extension);
        var final = Path.Combine(options.Value.PlansDirectory, relative);
        var created = !File.Exists(final);
        if (created)
        {
            File.Move(temp, final);
        }
        else
        {
            File.Delete(temp);
        }

        return new Stored(relative, hash, size, created, contentType);
    }

    public void Remove(Stored stored)
    {
        if (stored.Created)
        {
            File.Delete(Path.Combine(options.Value.PlansDirectory, stored.RelativePath));
        }
    }

    public Stream Open(string relativePath) => File.OpenRead(Path.Combine(options.Value.PlansDirectory, relativePath));

    /// <summary>
    /// The stored file with the type its bytes show. Read again rather than taken from the database, which holds
    /// whatever type the client claimed for files submitted before the check existed.
    /// </summary>
    public async Task<Document> OpenDocumentAsync(string relativePath, CancellationToken ct)
    {
        var stream = Open(relativePath);
        try
        {
            var head = new byte[PlanContent.HeadLength];
            var length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            stream.Position = 0;
            return new Document(stream, PlanContent.Detect(relativePath, head.AsSpan(0, length)) ?? PlanContent.Unknown);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }
}
