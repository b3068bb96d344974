namespace MiningRights.Policies;

/// <summary>The rights a rule applies to. Each list left out does not restrict; minerals are codes of the mineral list.</summary>
public sealed record RuleScope
{
    /// <summary><c>exploration</c> or <c>mining</c>.</summary>
    public IReadOnlyList<string>? RightKinds { get; init; }

    /// <summary><c>tender</c>, <c>auction</c>, <c>listing</c> or <c>agreement</c>.</summary>
    public IReadOnlyList<string>? TransferModes { get; init; }

    public bool? BlankArea { get; init; }

    public IReadOnlyList<string>? Minerals { get; init; }

    /// <summary>
    /// Whether a subject with these facts is within the scope: a fact the subject does not have (a block before it is a
    /// right has no kind of its own) does not exclude it.
    /// </summary>
    public bool Covers(RuleSubject subject, MineralList minerals) =>
        (RightKinds is null || subject.RightKind is null || RightKinds.Contains(subject.RightKind))
        && (TransferModes is null || subject.TransferMode is null || TransferModes.Contains(subject.TransferMode))
        && (BlankArea is null || subject.BlankArea is null || BlankArea == subject.BlankArea)
        && (Minerals is null || subject.Minerals.Count == 0 || subject.Minerals.Any(m => minerals.Code(m) is { } code && Minerals.Contains(code)));
}
