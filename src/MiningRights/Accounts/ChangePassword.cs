using Microsoft.AspNetCore.Identity;
using MiningRights.Data;

namespace MiningRights.Accounts;

/// <summary>
/// The signed-in user changes their own password. Identity renews the security stamp with it, so every token and
/// cookie issued before stops working and the user signs in again.
/// </summary>
public sealed class ChangePassword(UserManager<ApplicationUser> users)
{
    public sealed record Request(string? CurrentPassword, string? NewPassword);

    public async Task HandleAsync(Actor current, Request request)
    {
        var errors = new Dictionary<string, string[]>();
        var errorsZh = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(request.CurrentPassword) || request.CurrentPassword.Length > AccountLimits.Password)
        {
            errors["currentPassword"] = [$"The current password is required (at most {AccountLimits.Password} characters)."];
            errorsZh["currentPassword"] = $"必须填写当前密码（最多 {AccountLimits.Password} 个字符）。";
        }

        if (string.IsNullOrEmpty(request.NewPassword) || request.NewPassword.Length > AccountLimits.Password)
        {
            errors["newPassword"] = [$"A new password of at most {AccountLimits.Password} characters is required."];
            errorsZh["newPassword"] = $"必须填写新密码，最多 {AccountLimits.Password} 个字符。";
        }

        if (errors.Count > 0)
        {
            throw new RefusalException(400, "Invalid password change", "The password was not changed: see the field errors.", errors: errors,
                detailZh: $"密码未更改：{string.Concat(errorsZh.Values)}");
        }

        var user = await users.FindByIdAsync(current.Id) ?? throw RefusalException.NotFound("The account", "该账户");
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (result.Succeeded)
        {
            return;
        }

        var mismatch = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
        if (mismatch)
        {
            // A wrong current password counts towards the lockout like a failed sign-in, so a stolen token cannot be
            // used to guess the password at leisure.
            await users.AccessFailedAsync(user);
        }

        throw new RefusalException(400, "Invalid password change", "The password was not changed: see the field errors.",
            errors: new Dictionary<string, string[]>
            {
                [mismatch ? "currentPassword" : "newPassword"] = mismatch
                    ? ["The current password is wrong. 当前密码错误。"]
                    : result.Errors.Select(e => e.Description).ToArray(),
            },
            detailZh: mismatch
                ? "密码未更改：当前密码错误。"
                : $"密码未更改：新密码不符合要求：{string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
