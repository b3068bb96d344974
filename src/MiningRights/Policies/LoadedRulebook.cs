namespace MiningRights.Policies;

/// <summary>A checked rulebook with its rules completed, the file it came from, the SHA-256 of its text, and the text.</summary>
public sealed record LoadedRulebook(Rulebook Rulebook, IReadOnlyList<PolicyRule> Rules, string File, string ContentHash, string Json)
{
    /// <summary>Where it came from: the product's own files, or added by an administrator.</summary>
    public string Origin { get; init; } = StoredRulebook.ProductOrigin;
}
