using Microsoft.AspNetCore.Mvc.Filters;

namespace MiningRights.Web.Errors;

/// <summary>
/// The pages' half of <see cref="NulCharacterMiddleware"/>: a form posted to a page (multipart, with its files' names)
/// holding a NUL character is refused with the same 400 before the handler runs, as the API's forms are by
/// <see cref="Requests.RequestBodies.ReadFormAsync"/>. By then model binding has read the form, so a malformed one has had its
/// own answer.
/// </summary>
public sealed class NulCharacterPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType && NulCharacterMiddleware.FieldWithNul(await request.ReadFormAsync(context.HttpContext.RequestAborted)) is { } field)
        {
            throw NulCharacterMiddleware.Refusal(field);
        }

        await next();
    }
}
