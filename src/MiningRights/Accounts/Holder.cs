namespace MiningRights.Accounts;

/// <summary>A rights holder (矿业权人): a company identified by its unified social credit code.</summary>
public sealed class Holder
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>统一社会信用代码, 18 characters with a GB 32100-2015 check character.</summary>
    public required string CreditCode { get; init; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The language notices are written in: zh-CN or en.</summary>
    public required string Language { get; set; }

    /// <summary>Where notices go: one or more addresses separated by semicolons.</summary>
    public required string ContactEmails { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    public IReadOnlyList<string> Contacts =>
        ContactEmails.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
