using MiningRights.Accounts;

namespace MiningRights.Web.Apis;

internal static class HttpContextUser
{
    public static CurrentUser Current(this HttpContext context) => CurrentUser.From(context.User);
}
