namespace MiningRights.Workflows;

/// <summary>One problem found in a workflow file: where it is and why it is wrong.</summary>
public sealed record DefinitionProblem(string File, string JsonPath, string Reason)
{
    public override string ToString() => $"{File}: {JsonPath}: {Reason}";
}
