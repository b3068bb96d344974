namespace MiningRights.Accounts;

/// <summary>A node of the administrative tree: province → city/prefecture (市州) → county/district (县/区).</summary>
public sealed class Jurisdiction
{
    /// <summary>Six-digit administrative division code, e.g. 620000 for 甘肃省.</summary>
    public required string Code { get; init; }

    public string? ParentCode { get; set; }

    public required JurisdictionLevel Level { get; init; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The province code: every code in the tree shares the province's first two digits.</summary>
    public string ProvinceCode => Code[..2] + "0000";
}
