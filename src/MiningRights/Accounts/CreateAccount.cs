using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Rights;

namespace MiningRights.Accounts;

/// <summary>
/// Creates an account in one role. A Holder account must name its holder; an Authority or Inspector account its
/// jurisdiction; an administrator neither.
/// </summary>
public sealed class CreateAccount(UserManager<ApplicationUser> users, MiningRightsDbContext db)
{
    /// <summary>Administrative division codes (GB/T 2260) have six digits; a little room for finer levels.</summary>
    private const int MaxJurisdictionCode = 12;

    public sealed record Request(string? UserName, string? Password, string? Role, string? Email, string? DisplayName, string? Language, Guid? HolderId, string? JurisdictionCode);

    public async Task<ApplicationUser> HandleAsync(Request request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > AccountLimits.UserName)
        {
            errors["userName"] = [$"A user name of at most {AccountLimits.UserName} characters is required."];
        }

        if (request.Password is { Length: > AccountLimits.Password })
        {
            errors["password"] = [$"The password may have at most {AccountLimits.Password} characters."];
        }

        if (request.DisplayName is { Length: > AccountLimits.DisplayName })
        {
            errors["displayName"] = [$"The display name may have at most {AccountLimits.DisplayName} characters."];
        }

        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            errors["role"] = [$"The role must be one of {string.Join(", ", Roles.All)}."];
        }

        if (request.Email is not null && (request.Email.Length > AccountLimits.Email || !MailAddress.TryCreate(request.Email, out _)))
        {
            errors["email"] = [$"The email address is not valid (at most {AccountLimits.Email} characters)."];
        }

        if (request.Language is not (null or "zh-CN" or "en"))
        {
            errors["language"] = ["The language must be zh-CN or en."];
        }

        if (request.Role == Roles.Holder && (request.HolderId is null || !await db.Holders.AnyAsync(h => h.Id == request.HolderId, ct)))
        {
            errors["holderId"] = ["A Holder account must name a registered holder."];
        }

        if (request.Role is Roles.Authority or Roles.Inspector && (request.JurisdictionCode is not { Length: <= MaxJurisdictionCode } || !await db.Jurisdictions.AnyAsync(j => j.Code == request.JurisdictionCode, ct)))
        {
            errors["jurisdictionCode"] = ["An Authority or Inspector account must name a jurisdiction code of the tree."];
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid account", "The account could not be created: see the field errors.", errors: errors);
        }

        if (await users.FindByNameAsync(request.UserName!) is not null)
        {
            throw RefusalException.Conflict($"User name {request.UserName} is taken.");
        }

        var user = new ApplicationUser
        {
            UserName = request.UserName,
            Email = request.Email,
            DisplayName = request.DisplayName ?? request.UserName!,
            Language = request.Language ?? "zh-CN",
            HolderId = request.Role == Roles.Holder ? request.HolderId : null,
            JurisdictionCode = request.Role is Roles.Authority or Roles.Inspector ? request.JurisdictionCode : null,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, request.Password ?? string.Empty);
        if (!created.Succeeded)
        {
            throw new RefusalException(400, "Invalid account", "The account could not be created.",
                errors: new Dictionary<string, string[]> { ["password"] = created.Errors.Select(e => e.Description).ToArray() });
        }

        await users.AddToRoleAsync(user, request.Role!);
        await transaction.CommitAsync(ct);
        return user;
    }
}
