using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using MiningRights.Accounts;
using MiningRights.Audit;
using MiningRights.Data;

namespace MiningRights.Rights;

/// <summary>Registers a rights holder (矿业权人) with its unified social credit code and notice contacts.</summary>
public sealed class RegisterHolder(MiningRightsDbContext db, TimeProvider time)
{
    /// <summary>Notices go to every contact: a handful of addresses, not a mailing list.</summary>
    private const int MaxContacts = 10;

    public sealed record Request(string? CreditCode, string? NameZh, string? NameEn, string? Language, string[]? ContactEmails);

    public async Task<Holder> HandleAsync(Request request, CurrentUser user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var code = request.CreditCode is { Length: <= 64 } given ? given.Trim().ToUpperInvariant() : null;
        if (!UnifiedSocialCreditCode.IsValid(code))
        {
            errors["creditCode"] = ["The unified social credit code (统一社会信用代码) must be 18 characters with a valid GB 32100-2015 check character."];
        }

        if (string.IsNullOrWhiteSpace(request.NameZh) || request.NameZh.Length > 200)
        {
            errors["nameZh"] = ["The Chinese name is required (at most 200 characters)."];
        }

        if (string.IsNullOrWhiteSpace(request.NameEn) || request.NameEn.Length > 200)
        {
            errors["nameEn"] = ["The English name is required (at most 200 characters)."];
        }

        if (request.Language is not ("zh-CN" or "en"))
        {
            errors["language"] = ["The notice language must be zh-CN or en."];
        }

        var emails = request.ContactEmails ?? [];
        if (emails.Length == 0 || emails.Length > MaxContacts || emails.Any(e => e is null || e.Length > AccountLimits.Email || !MailAddress.TryCreate(e, out var parsed) || parsed.Address != e.Trim() || e.Contains(';', StringComparison.Ordinal)))
        {
            errors["contactEmails"] = [$"One to {MaxContacts} valid email addresses (each at most {AccountLimits.Email} characters) are required for notices."];
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid holder", "The holder could not be registered: see the field errors.", errors: errors);
        }

        if (await db.Holders.AnyAsync(h => h.CreditCode == code, ct))
        {
            throw RefusalException.Conflict($"A holder with credit code {code} is already registered.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var holder = new Holder
        {
            CreditCode = code!,
            NameZh = request.NameZh!.Trim(),
            NameEn = request.NameEn!.Trim(),
            Language = request.Language!,
            ContactEmails = string.Join(';', emails.Select(e => e.Trim())),
            CreatedAtUtc = now,
        };
        db.Holders.Add(holder);
        db.AuditEvents.Add(new AuditEvent
        {
            AtUtc = now,
            Actor = user.Name,
            Action = "holder.registered",
            Detail = $"Holder {holder.CreditCode} {holder.NameZh} registered.",
        });
        await db.SaveChangesAsync(ct);
        return holder;
    }
}
