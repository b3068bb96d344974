namespace MiningRights.Policies;

/// <summary>
/// A rulebook's text kept in the database under its hash: every product rulebook the service has run with (so a citation
/// pinned to a hash can always be read back), and every rulebook an administrator added, which all nodes load.
/// </summary>
public sealed class StoredRulebook
{
    public const string ProductOrigin = "product";
    public const string AddedOrigin = "added";

    public required string ContentHash { get; init; }

    public required string RulebookId { get; init; }

    public required string FileName { get; init; }

    public required string Json { get; init; }

    /// <summary><see cref="ProductOrigin"/> or <see cref="AddedOrigin"/>.</summary>
    public required string Origin { get; init; }

    public string? AddedBy { get; init; }

    public DateTime StoredAtUtc { get; init; }
}
