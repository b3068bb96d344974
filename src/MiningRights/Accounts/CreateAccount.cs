using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiningRights.Data;
using MiningRights.Notifications;
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
        var errorsZh = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > AccountLimits.UserName)
        {
            errors["userName"] = [$"A user name of at most {AccountLimits.UserName} characters is required."];
            errorsZh["userName"] = $"必须填写用户名，最多 {AccountLimits.UserName} 个字符。";
        }

        if (request.Password is { Length: > AccountLimits.Password })
        {
            errors["password"] = [$"The password may have at most {AccountLimits.Password} characters."];
            errorsZh["password"] = $"密码最多 {AccountLimits.Password} 个字符。";
        }

        if (request.DisplayName is { Length: > AccountLimits.DisplayName })
        {
            errors["displayName"] = [$"The display name may have at most {AccountLimits.DisplayName} characters."];
            errorsZh["displayName"] = $"显示名称最多 {AccountLimits.DisplayName} 个字符。";
        }

        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            errors["role"] = [$"The role must be one of {string.Join(", ", Roles.All)}."];
            errorsZh["role"] = $"角色必须为 {string.Join(", ", Roles.All)} 之一。";
        }

        if (request.Email is not null && (request.Email.Length > AccountLimits.Email || !EmailAddress.TryParse(request.Email, out _)))
        {
            errors["email"] = [$"The email address is not valid (at most {AccountLimits.Email} characters)."];
            errorsZh["email"] = $"电子邮箱地址无效（最多 {AccountLimits.Email} 个字符）。";
        }

        if (request.Language is not (null or "zh-CN" or "en"))
        {
            errors["language"] = ["The language must be zh-CN or en."];
            errorsZh["language"] = "语言必须为 zh-CN 或 en。";
        }

        if (request.Role == Roles.Holder && (request.HolderId is null || !await db.Holders.AnyAsync(h => h.Id == request.HolderId, ct)))
        {
            errors["holderId"] = ["A Holder account must name a registered holder."];
            errorsZh["holderId"] = "矿业权人（Holder）账户必须指定一个已登记的矿业权人。";
        }

        if (request.Role is Roles.Authority or Roles.Inspector && (request.JurisdictionCode is not { Length: <= MaxJurisdictionCode } || !await db.Jurisdictions.AnyAsync(j => j.Code == request.JurisdictionCode, ct)))
        {
            errors["jurisdictionCode"] = ["An Authority or Inspector account must name a jurisdiction code of the tree."];
            errorsZh["jurisdictionCode"] = "登记机关（Authority）或监管执法人员（Inspector）账户必须指定行政区划树中的行政区划代码。";
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid account", "The account could not be created: see the field errors.", errors: errors,
                detailZh: $"无法创建账户：{string.Concat(errorsZh.Values)}");
        }

        if (await users.FindByNameAsync(request.UserName!) is not null)
        {
            throw RefusalException.Conflict($"User name {request.UserName} is taken.", $"用户名 {request.UserName} 已被使用。");
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
                errors: new Dictionary<string, string[]> { ["password"] = created.Errors.Select(e => e.Description).ToArray() },
                detailZh: $"无法创建账户：{string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, request.Role!);
        await transaction.CommitAsync(ct);
        return user;
    }
}
