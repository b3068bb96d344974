using Microsoft.AspNetCore.Mvc;

namespace MiningRights.Web.Security;

/// <summary>
/// The two refusals a sign-in can meet, worded once for the API and the sign-in page. The first covers every reason a
/// password is not accepted (wrong, unknown user, locked account, paused address) in one text, so that the answer
/// never tells whether an account exists or is locked.
/// </summary>
public static class SignInRefusals
{
    public const string FailedTitle = "Sign-in failed";
    public const string ThrottledTitle = "Too many sign-in attempts";

    public static string FailedEn(AccountOptions accounts) =>
        $"The user name or password is not right, the account is locked, or sign-ins to it from this address are paused for {accounts.LockoutMinutes} minutes after {accounts.MaxFailedLogins} failed attempts.";

    public static string FailedZh(AccountOptions accounts) =>
        $"用户名或密码不正确，或账户已锁定，或因连续 {accounts.MaxFailedLogins} 次失败已暂停从此地址登录该账户 {accounts.LockoutMinutes} 分钟。";

    public static string ThrottledEn(SignInOutcome outcome) =>
        $"Too many sign-in attempts from this address or for this user name: try again in {outcome.RetryAfterSeconds} seconds.";

    public static string ThrottledZh(SignInOutcome outcome) =>
        $"来自此地址或针对此用户名的登录尝试过多，请在 {outcome.RetryAfterSeconds} 秒后重试。";

    public static ProblemDetails Failed(AccountOptions accounts) => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = FailedTitle,
        Detail = FailedEn(accounts),
        Extensions = { ["detailZh"] = FailedZh(accounts) },
    };

    public static ProblemDetails Throttled(SignInOutcome outcome) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = ThrottledTitle,
        Detail = ThrottledEn(outcome),
        Extensions = { ["detailZh"] = ThrottledZh(outcome) },
    };
}
