using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;
using MiningRights.Notifications;

namespace MiningRights.Rights;

/// <summary>Registers a rights holder (矿业权人) with its unified social credit code and notice contacts.</summary>
public sealed class RegisterHolder(MiningRightsDbContext db, TimeProvider time)
{
    /// <summary>Notices go to every contact: a handful of addresses, not a mailing list.</summary>
    private const int MaxContacts = 10;

    public sealed record Request(string? CreditCode, string? NameZh, string? NameEn, string? Language, string[]? ContactEmails);

    public async Task<Holder> HandleAsync(Request request, Actor user, CancellationToken ct)
    {
        var holder = Create(request, time);
        if (await db.Holders.AnyAsync(h => h.CreditCode == holder.CreditCode, ct))
        {
            throw RefusalException.Conflict($"A holder with credit code {holder.CreditCode} is already registered.", $"统一社会信用代码为 {holder.CreditCode} 的矿业权人已经登记。");
        }

        Add(holder, user);
        await db.SaveChangesAsync(ct);
        return holder;
    }

    /// <summary>
    /// The holder the request describes, checked (<see cref="Check"/>) but not added: the import makes it known to its
    /// batch of registrations first and adds it (<see cref="Add"/>) only when its right is accepted.
    /// </summary>
    public static Holder Create(Request request, TimeProvider time)
    {
        if (Check(request) is { } refusal)
        {
            throw refusal;
        }

        return new Holder
        {
            CreditCode = request.CreditCode!.Trim().ToUpperInvariant(),
            NameZh = request.NameZh!.Trim(),
            NameEn = request.NameEn!.Trim(),
            Language = request.Language!,
            ContactEmails = string.Join(';', request.ContactEmails!.Select(e => e.Trim())),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>Adds <paramref name="holder"/> (from <see cref="Create"/>, its credit code not registered) to the unit of work, with its audit entry.</summary>
    public void Add(Holder holder, Actor user)
    {
        db.Holders.Add(holder);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = holder.CreatedAtUtc,
            Actor = user.Name,
            Action = "holder.registered",
            Detail = $"Holder {holder.CreditCode} {holder.NameZh} registered.",
        });
    }

    /// <summary>What is wrong with the holder's fields (400 with field errors), or null; the import checks a holder it updates with it.</summary>
    public static RefusalException? Check(Request request)
    {
        var errors = new Dictionary<string, string[]>();
        var errorsZh = new Dictionary<string, string>();
        var code = request.CreditCode is { Length: <= 64 } given ? given.Trim().ToUpperInvariant() : null;
        if (!UnifiedSocialCreditCode.IsValid(code))
        {
            errors["creditCode"] = ["The unified social credit code (统一社会信用代码) must be 18 characters with a valid GB 32100-2015 check character."];
            errorsZh["creditCode"] = "统一社会信用代码须为 18 位，且校验码须符合 GB 32100-2015。";
        }

        if (string.IsNullOrWhiteSpace(request.NameZh) || request.NameZh.Length > 200)
        {
            errors["nameZh"] = ["The Chinese name is required (at most 200 characters)."];
            errorsZh["nameZh"] = "必须填写中文名称（最多 200 个字符）。";
        }

        if (string.IsNullOrWhiteSpace(request.NameEn) || request.NameEn.Length > 200)
        {
            errors["nameEn"] = ["The English name is required (at most 200 characters)."];
            errorsZh["nameEn"] = "必须填写英文名称（最多 200 个字符）。";
        }

        if (request.Language is not ("zh-CN" or "en"))
        {
            errors["language"] = ["The notice language must be zh-CN or en."];
            errorsZh["language"] = "通知语言必须为 zh-CN 或 en。";
        }

        var emails = request.ContactEmails ?? [];
        if (emails.Length == 0 || emails.Length > MaxContacts || emails.Any(e => e is null || e.Length > AccountLimits.Email || !EmailAddress.TryParse(e, out var parsed) || parsed != e.Trim() || e.Contains(';', StringComparison.Ordinal)))
        {
            errors["contactEmails"] = [$"One to {MaxContacts} valid email addresses (each at most {AccountLimits.Email} characters) are required for notices."];
            errorsZh["contactEmails"] = $"须提供 1 至 {MaxContacts} 个有效的电子邮箱地址（每个最多 {AccountLimits.Email} 个字符）用于接收通知。";
        }

        return errors.Count == 0 ? null
            : new RefusalException(400, "Invalid holder", "The holder could not be registered: see the field errors.", errors: errors,
                detailZh: $"无法登记该矿业权人：{string.Concat(errorsZh.Values)}");
    }
}
