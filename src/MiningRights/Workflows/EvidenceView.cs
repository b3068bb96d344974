namespace MiningRights.Workflows;

/// <summary>An evidence file as its readers see it, with where to download it.</summary>
public sealed record EvidenceView(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, string UploadedBy, DateTime UploadedAtUtc, string Href);
