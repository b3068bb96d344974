namespace MiningRights.Policies;

/// <summary>What is wrong with a rulebook file, and where: the file, the JSON path and the reason.</summary>
public sealed record RulebookProblem(string File, string Path, string Reason)
{
    public override string ToString() => $"{File} {Path}: {Reason}";
}
