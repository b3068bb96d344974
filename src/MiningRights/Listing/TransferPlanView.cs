namespace MiningRights.Listing;

/// <summary>An annual transfer plan or provincial reserve with its quota, the part used and what is left.</summary>
public sealed record TransferPlanView(Guid Id, string JurisdictionCode, int Year, int Quota, int Used, int Left, bool ProvincialReserve);
