namespace MiningRights.Workflows;

/// <summary>The signals a definition declares: who may send them, where, with what evidence and which inputs.</summary>
internal static class SignalChecker
{
    private static readonly string[] KnownRoles = ["Holder", "Authority", "Inspector", "Admin"];
    private static readonly string[] InputTypes = ["date", "text", "integer", "decimal", "choice"];

    public static void Check(WorkflowDefinition d, Action<string, string> problem)
    {
        foreach (var (name, signal) in d.Signals)
        {
            foreach (var role in signal.Roles.Where(r => !KnownRoles.Contains(r)))
            {
                problem($"$.signals.{name}.roles", $"unknown role '{role}'");
            }

            if (signal.ActsAt is not (SignalDefinition.ActsAtAuthority or SignalDefinition.ActsAtLocation))
            {
                problem($"$.signals.{name}.actsAt", $"'{signal.ActsAt}' is not one of authority, location");
            }

            if (signal.Evidence is not (SignalDefinition.EvidenceNone or SignalDefinition.EvidenceOptional or SignalDefinition.EvidenceRequired))
            {
                problem($"$.signals.{name}.evidence", $"'{signal.Evidence}' is not one of none, optional, required");
            }

            if (signal.DecidesPlan is not (null or SignalDefinition.PlanApproved or SignalDefinition.PlanReturned))
            {
                problem($"$.signals.{name}.decidesPlan", $"'{signal.DecidesPlan}' is not one of approved, returned");
            }

            foreach (var (inputName, input) in signal.Inputs)
            {
                var path = $"$.signals.{name}.inputs.{inputName}";
                if (!InputTypes.Contains(input.Type))
                {
                    problem($"{path}.type", $"'{input.Type}' is not one of {string.Join(", ", InputTypes)}");
                }
                else if (input.Type == "choice" && input.Values.Count == 0)
                {
                    problem($"{path}.values", "a choice needs the values it accepts");
                }
                else if (input.Type == "choice")
                {
                    foreach (var value in input.Values.Where(v => !input.ValueLabels.ContainsKey(v)))
                    {
                        problem($"{path}.valueLabels", $"the value '{value}' needs its name in Chinese and English");
                    }

                    foreach (var value in input.ValueLabels.Keys.Where(v => !input.Values.Contains(v)))
                    {
                        problem($"{path}.valueLabels.{value}", $"'{value}' is not one of the choice's values");
                    }
                }
            }
        }
    }
}
