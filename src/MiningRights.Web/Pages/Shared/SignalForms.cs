using MiningRights.Accounts;
using MiningRights.Workflows;

namespace MiningRights.Web.Pages.Shared;

/// <summary>The signals a reader may send to an instance now (its state takes them, the reader's role may, not dedicated), for <c>_SignalForms</c>.</summary>
public sealed record SignalForms(Guid InstanceId, IReadOnlyList<(string Name, SignalDefinition Signal)> Signals)
{
    public static SignalForms For(InstanceView instance, WorkflowRegistry registry, CurrentUser user)
    {
        var definition = registry.Versions(instance.DefinitionId).FirstOrDefault(d => d.ContentHash == instance.DefinitionHash)
            ?? registry.Versions(instance.DefinitionId).FirstOrDefault(d => d.Definition.Version == instance.DefinitionVersion);
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
}
