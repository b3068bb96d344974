using MiningRights.Accounts;

namespace MiningRights.Web.Apis;

internal static class HttpContextUser
{
    public static Actor Current(this HttpContext context) => Actor.From(context.User);
}
