namespace MiningRights.Plans;

/// <summary>An uploaded plan file as the web layer hands it over.</summary>
public sealed record PlanUpload(string FileName, string ContentType, long Length, Func<Stream> Open);
