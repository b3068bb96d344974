using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Net.Http.Headers;
using MiningRights.Web.Localization;

namespace MiningRights.Web.Errors;

/// <summary>
/// A refusal or failure a browser asked for (it accepts <c>text/html</c> and the address is not under <c>/api/</c>) is
/// answered as a page in the reader's language with a way back, with the same status code; every other client keeps its
/// ProblemDetails. Both the status code pages (403, 404 from any page or unknown address) and the exception handler
/// (500, 503) write through the problem details service, so this one writer covers them all.
/// </summary>
public sealed class ErrorPageWriter : IProblemDetailsWriter
{
    private static readonly int[] Pages = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable];

    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        return Pages.Contains(status)
            && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var ui = new Ui(new HttpContextAccessor { HttpContext = http });
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var (title, text) = status switch
        {
            StatusCodes.Status403Forbidden => (ui.T("无权访问", "Not yours to open"),
                ui.T("您的账户无权查看或办理此事项。如需办理，请以有权限的账户登录，或联系登记机关。", "Your account may not see or act on this. Sign in with an account that may, or ask the registration authority.")),
            StatusCodes.Status404NotFound => (ui.T("页面不存在", "Page not found"),
                ui.T("此地址没有页面：地址可能有误，或该事项不存在、不在您可查看的范围内。", "There is no page at this address: it may be mistyped, or what it names does not exist or is not yours to see.")),
            StatusCodes.Status503ServiceUnavailable => (ui.T("暂时无法服务", "Service busy"),
                ui.T("数据库繁忙或暂不可用，本次操作未保存任何内容。请稍后重试。", "The database is busy or unavailable; nothing of this request was saved. Try again in a moment.")),
            _ => (ui.T("系统出错", "Something went wrong"),
                ui.T("系统未能处理本次请求，未保存任何内容。错误已记录，可凭下面的编号查询。", "The service failed to handle the request; nothing was saved. The error is logged under the reference below.")),
        };

        var html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var page = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(ui.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(html.Encode(title)).Append(" · ").Append(html.Encode(ui.T("矿业权全周期管理", "Mining rights"))).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/lib/pico/pico.min.css\">\n<link rel=\"stylesheet\" href=\"/site.css\">\n</head>\n<body>\n")
            .Append("<main class=\"container\">\n<article class=\"narrow error-page\" id=\"error-page\" data-status=\"").Append(status).Append("\">\n")
            .Append("<h1>").Append(html.Encode(title)).Append("</h1>\n<p>").Append(html.Encode(text)).Append("</p>\n");
        if (status >= StatusCodes.Status500InternalServerError)
        {
            page.Append("<p><small>").Append(html.Encode(ui.T("编号", "Reference"))).Append(": <code>").Append(html.Encode(http.TraceIdentifier)).Append("</code></small></p>\n");
        }

        page.Append("<p><a href=\"/\" id=\"back-home\">").Append(html.Encode(ui.T("返回首页", "Back to the start page"))).Append("</a>");
        if (status == StatusCodes.Status403Forbidden)
        {
            page.Append(" · <a href=\"/sign-in\">").Append(html.Encode(ui.T("换个账户登录", "Sign in as someone else"))).Append("</a>");
        }

        page.Append("</p>\n</article>\n</main>\n</body>\n</html>\n");
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
        await http.Response.WriteAsync(page.ToString(), http.RequestAborted);
    }
}
