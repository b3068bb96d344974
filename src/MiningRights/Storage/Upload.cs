namespace MiningRights.Storage;

/// <summary>An uploaded file as the web layer hands it over: a plan document, or evidence sent with a signal.</summary>
public sealed record Upload(string FileName, string ContentType, long Length, Func<Stream> Open);
