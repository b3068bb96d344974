using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MiningRights.Storage;

namespace MiningRights.Plans;

/// <summary>Keeps plan files under the data folder, named by their SHA-256, so the same file is stored once.</summary>
public sealed class PlanStore(IOptions<StorageOptions> options)
{
    public sealed record Stored(string RelativePath, string Sha256, long Size, bool Created);

    public async Task<Stored> SaveAsync(Guid rightId, PlanUpload upload, CancellationToken ct)
    {
        var folder = Path.Combine(options.Value.PlansDirectory, rightId.ToString("N"));
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"upload-{Guid.NewGuid():N}.tmp");
        string hash;
        long size;
        await using (var source = upload.Open())
        await using (var target = File.Create(temp))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }

            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
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

        return new Stored(relative, hash, size, created);
    }

    public void Remove(Stored stored)
    {
        if (stored.Created)
        {
            File.Delete(Path.Combine(options.Value.PlansDirectory, stored.RelativePath));
        }
    }

    public Stream Open(string relativePath) => File.OpenRead(Path.Combine(options.Value.PlansDirectory, relativePath));
}
