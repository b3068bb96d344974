using System.Text.Json.Nodes;

namespace MiningRights.Workflows;

/// <summary>
/// A named piece of C# a workflow state runs on entry (notify, open a case, ...). New workflows add activities by
/// registering more implementations; the runtime itself does not change.
/// </summary>
public interface IWorkflowActivity
{
    /// <summary>The name definitions use in <c>onEntry</c>.</summary>
    string Name { get; }

    /// <summary>Checks the parameters a definition gives; each message is reported with the file and JSON path at start.</summary>
    IEnumerable<string> Validate(JsonObject parameters, WorkflowDefinition definition);

    /// <summary>Does the work inside the transaction of the transition; throwing <see cref="RefusalException"/> refuses the whole transition.</summary>
    Task ExecuteAsync(ActivityContext context, JsonObject parameters, CancellationToken cancellationToken);
}
