namespace MiningRights.Rights;

public enum JurisdictionLevel
{
    Province = 1,
    City = 2,
    County = 3,
}
