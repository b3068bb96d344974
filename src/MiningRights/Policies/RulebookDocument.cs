namespace MiningRights.Policies;

/// <summary>The published document a rule comes from: its title, its number (文号) where known, and the day it was issued.</summary>
public sealed record RulebookDocument
{
    public required LocalizedText Title { get; init; }

    /// <summary>The document number, e.g. 财综〔2023〕10号; absent where the published text does not give it.</summary>
    public string? Number { get; init; }

    public DateOnly? IssuedOn { get; init; }
}
