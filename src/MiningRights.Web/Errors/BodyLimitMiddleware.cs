using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MiningRights.Storage;

namespace MiningRights.Web.Errors;

/// <summary>
/// Bounds every request body before an endpoint reads it: a multipart upload by <c>Storage:MaxUploadBytes</c> (plus
/// room for the form around the file), anything else by <c>Api:MaxJsonBodyBytes</c>. A JSON body is read into memory
/// here, so a body sent without a length is measured as well, and so the error handler can read it again to tell a
/// truncated body from an unknown property.
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> api, IOptions<StorageOptions> storage)
{
    private const long FormOverheadBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (request.HasFormContentType)
        {
            SetServerLimit(context, storage.Value.MaxUploadBytes + FormOverheadBytes);
            await next(context);
            return;
        }

        var limit = api.Value.MaxJsonBodyBytes;
        SetServerLimit(context, limit);
        if (!MayHaveBody(request))
        {
            await next(context);
            return;
        }

        if (request.ContentLength > limit || await BufferAsync(request, limit, context.RequestAborted) is not { } buffered)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The request body is larger than the {limit} bytes accepted (multipart uploads excepted). 请求内容过大。",
                },
            });
            return;
        }

        request.Body = buffered;
        await next(context);
    }

    private static bool MayHaveBody(HttpRequest request) =>
        request.ContentLength > 0
        || (request.ContentLength is null && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)));

    /// <summary>The whole body in memory, or null as soon as it passes <paramref name="limit"/>.</summary>
    private static async Task<MemoryStream?> BufferAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        var buffered = new MemoryStream((int)Math.Min(request.ContentLength ?? 4096, limit));
        request.HttpContext.Response.RegisterForDispose(buffered);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffered.Length + read > limit)
            {
                return null;
            }

            buffered.Write(chunk, 0, read);
        }

        buffered.Position = 0;
        return buffered;
    }

    /// <summary>Kestrel's own cap (30 MB by default) would otherwise cut an upload the storage settings allow.</summary>
    private static void SetServerLimit(HttpContext context, long bytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = bytes;
        }
    }
}
