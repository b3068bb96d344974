using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;

namespace MiningRights.Policies;

/// <summary>
/// An administrator adds a rulebook (a province's renewed or successor policy) as a file, without a release. It is
/// checked like the product's own and beside them (no rule in force twice, no provision filled twice on one day) before it
/// takes effect; it then applies from its own first day on, and acts already taken keep the citations they stored.
/// </summary>
public sealed class AddRulebook(MiningRightsDbContext db, PolicyBook book, TimeProvider time)
{
    /// <summary>Largest rulebook file accepted.</summary>
    public const int MaxBytes = 512 * 1024;

    public sealed record Request(string FileName, string Json);

    public async Task<LoadedRulebook> HandleAsync(Request request, Actor user, CancellationToken ct)
    {
        if (!user.IsAdmin)
        {
            throw RefusalException.Forbidden("Only an administrator adds rulebooks.", "仅系统管理员可以添加规则集。");
        }

        var name = Path.GetFileName(request.FileName ?? string.Empty);
        if (string.IsNullOrWhiteSpace(request.Json) || request.Json.Length > MaxBytes)
        {
            throw RefusalException.Invalid("file", $"A rulebook is a JSON file of at most {MaxBytes / 1024} KB.", $"规则集应为不超过 {MaxBytes / 1024} KB 的 JSON 文件。");
        }

        if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.Length > 200)
        {
            throw RefusalException.Invalid("file", "The rulebook's file name ends in .json and has at most 200 characters.", "规则集文件名应以 .json 结尾，且不超过 200 个字符。");
        }

        var problems = new List<RulebookProblem>();
        var loaded = RulebookLoader.Load(name, request.Json, book.Minerals, problems);
        if (loaded is not null)
        {
            problems.AddRange(book.CheckAddition(loaded));
        }

        if (problems.Count > 0)
        {
            throw new RefusalException(422, "Invalid rulebook",
                $"The rulebook was not added: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Reason}"))}.",
                errors: problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray()),
                detailZh: $"规则集未添加，存在以下问题：{string.Join("；", problems.Select(p => $"{p.Path}：{p.Reason}"))}。");
        }

        if (await db.Rulebooks.AnyAsync(r => r.ContentHash == loaded!.ContentHash, ct))
        {
            throw RefusalException.Conflict($"This rulebook (sha256 {loaded!.ContentHash}) was already added.", $"该规则集（sha256 {loaded!.ContentHash}）已经添加。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Rulebooks.Add(new StoredRulebook
        {
            ContentHash = loaded!.ContentHash,
            RulebookId = loaded.Rulebook.Id,
            FileName = name,
            Json = request.Json,
            Origin = StoredRulebook.AddedOrigin,
            AddedBy = user.Name,
            StoredAtUtc = now,
        });
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = "policy.rulebook-added",
            RuleId = loaded.Rules[0].Id,
            Detail = $"Rulebook {loaded.Rulebook.Id} ({name}, sha256 {loaded.ContentHash}) of issuer {loaded.Rulebook.Issuer}, in force {loaded.Rulebook.ValidFrom:yyyy-MM-dd} to {loaded.Rulebook.ValidUntil:yyyy-MM-dd}: " +
                $"{string.Join(", ", loaded.Rules.Select(r => r.Id))}. 添加规则集。",
        });
        await db.SaveChangesAsync(ct);
        var added = loaded with { Origin = StoredRulebook.AddedOrigin };
        book.Use(added);
        return added;
    }
}
