namespace MiningRights.Listing;

/// <summary>
/// An annual transfer plan (年度出让计划) of a city or county: how many new rights it may transfer in the year. A plan
/// at province level is the provincial reserve quota that ZJ-25 draws on. <see cref="Version"/> guards the count.
/// </summary>
public sealed class TransferPlan
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string JurisdictionCode { get; init; }

    public required int Year { get; init; }

    public int Quota { get; set; }

    public int Used { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    public int Version { get; set; }

    public int Left => Quota - Used;
}
