using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using MiningRights.Storage;
using MiningRights.Web.ApiDocumentation;
using MiningRights.Web.Errors;
using MiningRights.Web.Security;

namespace MiningRights.Web.Hosting;

public static class ApiExtensions
{
    public static void AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(options =>
        {
            // Enums travel as camelCase names; a number or an unknown name is a 400, never a silent default.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });

        // Binding failures throw, so the exception handler can say what was wrong instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<StorageOptions>>((form, storage) =>
        {
            form.MultipartBodyLengthLimit = storage.Value.MaxUploadBytes + (1024 * 1024);

            // A plan form has a file and four short fields; the defaults (4 MB values, 1024 of them) invite abuse.
            form.ValueLengthLimit = 4096;
            form.ValueCountLimit = 32;
        });
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section)
            .Validate(o => o.MaxJsonBodyBytes is >= 1024 and <= 100 * 1024 * 1024, "Api:MaxJsonBodyBytes must be between 1 KB and 100 MB.")
            .ValidateOnStart();

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            ShortenEchoes(context.ProblemDetails);

            // Answers written by the framework itself (no token, wrong role, no such route) say why as well.
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => "Sign in first: send the bearer token from POST /api/auth/login, or the sign-in cookie. 请先登录。",
                StatusCodes.Status403Forbidden => $"Your role may not {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}. 当前角色无权执行此操作。",
                StatusCodes.Status404NotFound => $"There is nothing at {context.HttpContext.Request.Path}. 资源不存在。",
                StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}.",
                StatusCodes.Status415UnsupportedMediaType => "Send application/json (multipart/form-data for plan uploads).",
                _ => null,
            };
            context.ProblemDetails.Detail = context.ProblemDetails.Detail is { } detail ? EchoedText.ShortenEchoes(detail) : null;
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddApiDescription();
    }

    public static void UseApi(this WebApplication app)
    {
        app.UseExceptionHandler();

        app.UseSecurityHeaders();
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseMiddleware<NulCharacterMiddleware>();
        app.UseStatusCodePages();
    }

    /// <summary>Every answer passes here, so no refusal anywhere can mirror a huge value back (see <see cref="EchoedText"/>).</summary>
    private static void ShortenEchoes(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        problem.Title = problem.Title is { } title ? EchoedText.ShortenEchoes(title) : null;
        if (problem.Extensions.TryGetValue("detailZh", out var zh) && zh is string detailZh)
        {
            problem.Extensions["detailZh"] = EchoedText.ShortenEchoes(detailZh);
        }

        if (problem.Extensions.TryGetValue("errors", out var value) && value is IReadOnlyDictionary<string, string[]> errors)
        {
            problem.Extensions["errors"] = errors.ToDictionary(e => e.Key, e => e.Value.Select(EchoedText.ShortenEchoes).ToArray());
        }
    }
}
