using MiningRights.Accounts;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Shared;

/// <summary>The signals a reader may send to an instance now (its state takes them, the reader's role may, not dedicated), for <c>_SignalForms</c>; one posting handler serves every page that shows them.</summary>
public sealed record SignalForms(Guid InstanceId, IReadOnlyList<(string Name, SignalDefinition Signal)> Signals)
{
    public static SignalForms For(InstanceView instance, WorkflowRegistry registry, CurrentUser user)
    {
        var definition = registry.Find(instance.DefinitionId, instance.DefinitionVersion, instance.DefinitionHash);
        if (definition is null || instance.Finished)
        {
            return new SignalForms(instance.Id, []);
        }

        var signals = instance.Signals
            .Select(name => (Name: name, Signal: definition.Definition.Signals[name]))
            .Where(s => !s.Signal.Dedicated && s.Signal.Roles.Any(user.Roles.Contains))
            .ToList();
        return new SignalForms(instance.Id, signals);
    }

    /// <summary>
    /// Sends the signal a posted form carries, through the use case the API calls: null when it was taken, else the
    /// refusal to show on the page (its status set on the answer). Not found is left to the page, which answers 404.
    /// </summary>
    public static async Task<RefusalException?> SendAsync(HttpRequest request, SendSignal send, Guid instanceId, string signal, CancellationToken ct)
    {
        var (values, files) = Read(request);
        try
        {
            await send.HandleAsync(instanceId, signal, null, values, files, CurrentUser.From(request.HttpContext.User), ct);
            return null;
        }
        catch (RefusalException refusal) when (refusal.Status != StatusCodes.Status404NotFound)
        {
            request.HttpContext.Response.StatusCode = refusal.Status;
            return refusal;
        }
    }

    /// <summary>The confirmation of a step taken, named by the fixed word the page's redirect puts in the address (never text from it).</summary>
    public static string? Done(HttpRequest request, Hosting.Ui ui) =>
        request.Query["done"] == "signal" ? ui.T("已办理，办理记录已更新。", "Done; the journal shows the step.") : null;

    /// <summary>The fields of a posted signal form: its values, without the form's own fields, and its files.</summary>
    private static (Dictionary<string, string?> Values, IReadOnlyList<Storage.Upload> Files) Read(HttpRequest request)
    {
        // A file input left empty arrives as a text field of its name: it is no value.
        var values = Hosting.RequestBodies.Fields(request.Form, "__RequestVerificationToken", "instanceId", "signal", SignalInputs.FilesField);
        return (values, Hosting.RequestBodies.Files(request.Form, SignalInputs.FilesField));
    }
}
