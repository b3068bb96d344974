namespace MiningRights.Policies;

/// <summary>Rulebook files that cannot be used; the message lists every problem with its file and JSON path.</summary>
public sealed class RulebookException : Exception
{
    public RulebookException(IReadOnlyList<RulebookProblem> problems)
        : base("Invalid rulebooks:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    public RulebookException()
        : this([])
    {
    }

    public RulebookException(string message)
        : base(message)
    {
        Problems = [];
    }

    public RulebookException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<RulebookProblem> Problems { get; } = [];
}
