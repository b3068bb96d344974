using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiningRights.Accounts;
using MiningRights.Web.Hosting;

namespace MiningRights.Web.Pages;

/// <summary>Sign-in with the Identity accounts: the cookie the API also takes; a locked account is told so and for how long.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<ApplicationUser> signIn, Ui ui, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password) || UserName.Length > 256 || Password.Length > 256)
        {
            Message = ui.T("请输入用户名和密码。", "Enter your user name and password.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        var address = HttpContext.Connection.RemoteIpAddress;
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in (page): {User} from {Address}", UserName, address);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        logger.LogWarning("Sign-in failed (page): {User} from {Address}, locked out: {LockedOut}", UserName, address, result.IsLockedOut);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Message = result.IsLockedOut
            ? ui.T("登录失败次数过多，账户已暂时锁定，请稍后再试。", "Too many failed sign-ins: the account is locked for a while. Try again later.")
            : ui.T("用户名或密码不正确。", "The user name or password is not right.");
        return Page();
    }
}
