using MiningRights.Accounts;
using MiningRights.Decisions;
using MiningRights.Policies;
using MiningRights.Web.Localization;
using MiningRights.Web.Requests;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Shared;

/// <summary>The signals a reader may send to an instance now (its state takes them, the reader's role may, not dedicated), for <c>_SignalForms</c>; one posting handler serves every page that shows them.</summary>
public sealed record SignalForms(Guid InstanceId, IReadOnlyList<(string Name, SignalDefinition Signal)> Signals)
{
    /// <summary>The form field a decision's confirmation is posted in: a decision is taken only once its consequence is confirmed.</summary>
    public const string ConfirmedField = "decision.confirmed";

    /// <summary>The rules a decision among <see cref="Signals"/> may cite as its basis (empty when none is a decision).</summary>
    public IReadOnlyList<PolicyRule> Bases { get; init; } = [];

    /// <summary>The signals with, where one is a formal decision, the rules in force it may cite.</summary>
    public static async Task<SignalForms> ForAsync(InstanceView instance, WorkflowRegistry registry, Actor user, DecisionQueries decisions, CancellationToken ct)
    {
        var forms = For(instance, registry, user);
        return forms.Signals.Any(s => s.Signal.Decision is not null)
            ? forms with { Bases = await decisions.BasesAsync(instance.Id, ct) }
            : forms;
    }

    private static SignalForms For(InstanceView instance, WorkflowRegistry registry, Actor user)
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
        var confirmed = values.Remove(ConfirmedField, out var confirmation) && confirmation is "true" or "on";
        try
        {
            // The page asks for the consequence to be confirmed before a decision is taken; the API caller confirms by sending it.
            if (!confirmed && await IsDecisionAsync(send, instanceId, signal, ct))
            {
                throw Unconfirmed();
            }

            await send.HandleAsync(instanceId, signal, null, values, files, Actor.From(request.HttpContext.User), ct);
            return null;
        }
        catch (RefusalException refusal) when (refusal.Status != StatusCodes.Status404NotFound)
        {
            request.HttpContext.Response.StatusCode = refusal.Status;
            return refusal;
        }
    }

    /// <summary>
    /// The formalities a form of its own posted with a decision (a plan returned, a review failed), checked to have been
    /// confirmed first; null when the form carried none (its process does not make that outcome a decision).
    /// </summary>
    public static DecisionFormalities? ConfirmedFormalities(HttpRequest request)
    {
        var form = request.Form;
        if (!form.Keys.Any(k => k.StartsWith(DecisionRecorder.Prefix, StringComparison.Ordinal) && k != ConfirmedField))
        {
            return null;
        }

        if (form[ConfirmedField].FirstOrDefault() is not ("true" or "on"))
        {
            throw Unconfirmed();
        }

        string? Field(string name) => form[name].FirstOrDefault() is { Length: > 0 } value ? value : null;
        var decidedOn = DateOnly.TryParseExact(Field(DecisionRecorder.DecidedOnField), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : (DateOnly?)null;
        return new DecisionFormalities(Field(DecisionRecorder.BasisField), Field(DecisionRecorder.NumberingField), Field(DecisionRecorder.NumberField), decidedOn,
            Field(DecisionRecorder.FactsField));
    }

    private static RefusalException Unconfirmed() =>
        new(422, "Decision not confirmed", "Confirm the consequence of the decision before taking it.",
            errors: new Dictionary<string, string[]> { [ConfirmedField] = ["Confirm the consequence of the decision before taking it."] },
            detailZh: "请先确认该决定的后果，再作出决定。");

    private static async Task<bool> IsDecisionAsync(SendSignal send, Guid instanceId, string signal, CancellationToken ct) =>
        (await send.DefinitionAsync(instanceId, signal, ct))?.Decision is not null;

    /// <summary>The confirmation of a step taken, named by the fixed word the page's redirect puts in the address (never text from it).</summary>
    public static string? Done(HttpRequest request, Ui ui) =>
        request.Query["done"] == "signal" ? ui.T("已办理，办理记录已更新。", "Done; the journal shows the step.") : null;

    /// <summary>The fields of a posted signal form: its values, without the form's own fields, and its files.</summary>
    private static (Dictionary<string, string?> Values, IReadOnlyList<Storage.Upload> Files) Read(HttpRequest request)
    {
        // A file input left empty arrives as a text field of its name: it is no value.
        var values = RequestBodies.Fields(request.Form, "__RequestVerificationToken", "instanceId", "signal", SignalInputs.FilesField);
        return (values, RequestBodies.Files(request.Form, SignalInputs.FilesField));
    }
}
