using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MiningRights.Web.Localization;
using MiningRights.Web.Security;

namespace MiningRights.Web.Pages;

/// <summary>
/// Sign-in with the Identity accounts: the cookie the API also takes. A refusal says the same whatever its reason, as the
/// API's does; too many attempts are a 429 with the wait in the message and in <c>Retry-After</c>.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(PasswordSignIn signIn, IOptions<AccountOptions> accounts, Ui ui) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Message { get; private set; }

    /// <summary>The confirmation of a password just changed, named by the fixed word the password page's redirect puts in the address.</summary>
    public string? Done { get; private set; }

    public void OnGet(string? done) =>
        Done = done == "password" ? ui.T("密码已修改，其他会话和令牌均已失效。请用新密码登录。", "Your password is changed and every other session and token has ended. Sign in with the new password.") : null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password) || UserName.Length > 256 || Password.Length > 256)
        {
            Message = ui.T("请输入用户名和密码。", "Enter your user name and password.");
            return Page();
        }

        var outcome = await signIn.SignInAsync(UserName.Trim(), Password, IdentityConstants.ApplicationScheme, "page", HttpContext);
        switch (outcome.Verdict)
        {
            case SignInVerdict.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case SignInVerdict.Throttled:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                Message = ui.T(SignInRefusals.ThrottledZh(outcome), SignInRefusals.ThrottledEn(outcome));
                return Page();
            default:
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                Message = ui.T(SignInRefusals.FailedZh(accounts.Value), SignInRefusals.FailedEn(accounts.Value));
                return Page();
        }
    }
}
