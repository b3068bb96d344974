using System.Text.Json.Serialization;

namespace MiningRights.Policies;

/// <summary>
/// One rule of a rulebook, as written in its file and completed on load with what it inherits from its rulebook (issuer,
/// document, window) and the rulebook's content hash. The same ID may appear in several windows that do not overlap
/// (CN-TERM before and after the 2024 Mineral Resources Law), each with its own text and parameters.
/// </summary>
public sealed record PolicyRule
{
    /// <summary>Stable ID that definitions, notices and the journal cite, e.g. <c>GS-9d</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The document the rule is in; absent: the rulebook's.</summary>
    public RulebookDocument? Document { get; init; }

    /// <summary>Item or article of the document, e.g. 第9条 / item 9.</summary>
    public required LocalizedText Item { get; init; }

    public required LocalizedText Summary { get; init; }

    /// <summary>First and last day the rule is in force; absent: the rulebook's window.</summary>
    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidUntil { get; init; }

    /// <summary>
    /// The provisions the rule fills (planDeferral, explorationBreach, ...): a definition that runs in every province names a
    /// provision, and the rule in force for the subject's province and day fills it, or none.
    /// </summary>
    public IReadOnlyList<string> Provides { get; init; } = [];

    /// <summary>The rights the rule applies to; absent: every right.</summary>
    public RuleScope? AppliesTo { get; init; }

    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];

    /// <summary>The step of a right's life at which the service applies the rule by itself (<c>registration</c>).</summary>
    public string? Stage { get; init; }

    /// <summary>What applying the rule at its stage means for a right, by case (<c>public</c> or <c>agreement</c> transfer).</summary>
    public IReadOnlyDictionary<string, string> Outcomes { get; init; } = new Dictionary<string, string>();

    /// <summary>Six-digit code of the issuer: 100000 for national rules, a province's code for its own.</summary>
    [JsonIgnore]
    public string Issuer { get; init; } = string.Empty;

    [JsonIgnore]
    public LocalizedText IssuerName { get; init; } = new() { Zh = string.Empty, En = string.Empty };

    /// <summary>The rulebook the rule was loaded from and the SHA-256 of its file: what a citation is pinned to.</summary>
    [JsonIgnore]
    public string RulebookId { get; init; } = string.Empty;

    [JsonIgnore]
    public string RulebookHash { get; init; } = string.Empty;

    [JsonIgnore]
    public bool IsNational => Issuer == PolicyBook.National;

    [JsonIgnore]
    public DateOnly InForceFrom => ValidFrom ?? DateOnly.MinValue;

    [JsonIgnore]
    public DateOnly InForceUntil => ValidUntil ?? DateOnly.MaxValue;

    [JsonIgnore]
    public string SummaryZh => Summary.Zh;

    [JsonIgnore]
    public string SummaryEn => Summary.En;

    /// <summary>Where the rule is written: the document (with its number) and the item, e.g. 《…通知》第9条.</summary>
    [JsonIgnore]
    public string SourceZh => Document is null ? Item.Zh : $"{Document.Title.Zh}{(Document.Number is null ? string.Empty : $"（{Document.Number}）")}{Item.Zh}";

    [JsonIgnore]
    public string SourceEn => Document is null ? Item.En : $"{Document.Title.En}{(Document.Number is null ? string.Empty : $" ({Document.Number})")}, {Item.En}";

    public bool InForceOn(DateOnly date) => date >= InForceFrom && date <= InForceUntil;

    /// <summary>Whether the rule reaches a subject in <paramref name="jurisdictionCode"/>: national rules everywhere, a province's in that province only.</summary>
    public bool Reaches(string jurisdictionCode) => IsNational || jurisdictionCode.Length == 6 && Issuer[..2] == jurisdictionCode[..2];
}
