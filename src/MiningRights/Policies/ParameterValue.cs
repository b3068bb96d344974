namespace MiningRights.Policies;

/// <summary>One parameter as it is in force in a place on a day: its definition, its value, the rule that defines it, and whether the configuration set it.</summary>
public sealed record ParameterValue(ParameterDefinition Definition, object Value, string? RuleId, bool Configured)
{
    public string Shown => ParameterUnits.Show(Value);
}
