namespace MiningRights.Web.Errors;

/// <summary>Configuration section <c>Api</c>: limits on what a client may send.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest request body that is not a multipart upload (uploads are bounded by <c>Storage:MaxUploadBytes</c>).</summary>
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;
}
