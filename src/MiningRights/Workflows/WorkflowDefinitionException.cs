namespace MiningRights.Workflows;

/// <summary>Thrown at start when any workflow file is invalid: the service must not run on a broken definition.</summary>
public sealed class WorkflowDefinitionException : Exception
{
    public WorkflowDefinitionException(IReadOnlyList<DefinitionProblem> problems)
        : base("Invalid workflow definitions:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public WorkflowDefinitionException()
        : this([])
    {
    }

    public WorkflowDefinitionException(string message)
        : base(message)
    {
        Problems = [];
    }

    public WorkflowDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<DefinitionProblem> Problems { get; } = [];
}
