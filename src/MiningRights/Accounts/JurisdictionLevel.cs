namespace MiningRights.Accounts;

public enum JurisdictionLevel
{
    /// <summary>The Ministry of Natural Resources (自然资源部, 100000): since 2020 it registers fourteen strategic minerals itself.</summary>
    Ministry = 0,

    Province = 1,
    City = 2,
    County = 3,
}
