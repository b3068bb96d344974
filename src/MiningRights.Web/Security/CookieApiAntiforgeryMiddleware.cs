using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;

namespace MiningRights.Web.Security;

/// <summary>
/// The API takes the sign-in cookie as well as bearer tokens, because the pages link to a few of its downloads (a plan's
/// file, the case export). A browser sends that cookie with any form another site makes it post, and several endpoints
/// take forms (plans, signals, relief claims); so a request that changes something and is signed in by the cookie must
/// carry the antiforgery token, in the <c>RequestVerificationToken</c> header or the form's <c>__RequestVerificationToken</c>,
/// as the pages' own forms do. Bearer tokens are never sent by a browser on its own and need none. Endpoints open to
/// anyone (sign-in) act on nobody's authority and are left alone.
/// </summary>
public sealed class CookieApiAntiforgeryMiddleware(RequestDelegate next, ILogger<CookieApiAntiforgeryMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (NeedsToken(context) && !await IsValidAsync(context, antiforgery))
        {
            logger.LogWarning("Refused without antiforgery token: {User} from {Address} {Method} {Path}", context.User.Identity?.Name, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", context.Request.Method, context.Request.Path);
            throw new RefusalException(StatusCodes.Status400BadRequest, "Antiforgery token required",
                "A request signed in by the cookie that changes something must carry the antiforgery token (header RequestVerificationToken or form field __RequestVerificationToken), or use a bearer token instead. Nothing was changed.",
                detailZh: "凭登录 Cookie 发出的修改类请求必须携带防伪令牌（请求头 RequestVerificationToken 或表单字段 __RequestVerificationToken），或改用 Bearer 令牌。未作任何更改。");
        }

        await next(context);
    }

    private static bool NeedsToken(HttpContext context)
    {
        var request = context.Request;
        return request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            && context.User.Identity?.IsAuthenticated == true
            && !AccountsExtensions.CarriesBearerToken(request)
            && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;
    }

    /// <summary>A form that cannot even be read carries no token either.</summary>
    private static async Task<bool> IsValidAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException || (ex is IOException && ex is not BadHttpRequestException))
        {
            return false;
        }
    }
}
