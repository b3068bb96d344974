namespace MiningRights.Workflows;

/// <summary>
/// A notice template. Every notice also carries the facts the policy brief requires (right, what is due, due date,
/// days left, rule and source), added by the composer, so a template only writes the subject, the lead and the action.
/// </summary>
public sealed record NoticeDefinition
{
    public required string Rule { get; init; }

    public required LocalizedText Subject { get; init; }

    public required LocalizedText Lead { get; init; }

    public required LocalizedText Action { get; init; }
}
