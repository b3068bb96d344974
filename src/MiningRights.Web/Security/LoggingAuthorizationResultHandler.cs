using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace MiningRights.Web.Security;

/// <summary>Logs every denial (who, what, why) before the default handler answers 401 or 403.</summary>
public sealed class LoggingAuthorizationResultHandler(ILogger<LoggingAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            logger.LogWarning("Access denied (403): {User} from {Address} {Method} {Path}", context.User.Identity?.Name, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", context.Request.Method, context.Request.Path);
        }
        else if (authorizeResult.Challenged)
        {
            logger.LogWarning("Access denied (401, not signed in): from {Address} {Method} {Path}", context.Connection.RemoteIpAddress?.ToString() ?? "unknown", context.Request.Method, context.Request.Path);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
