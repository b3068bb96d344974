namespace MiningRights.Storage;

/// <summary>Configuration section <c>Storage</c>: the data folder holding the SQLite file, uploaded plans and the mail pickup folder.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DataDirectory { get; set; } = "./data";

    /// <summary>Largest plan upload accepted, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public string PlansDirectory => Path.Combine(FullDataDirectory, "plans");

    public string MailPickupDirectory => Path.Combine(FullDataDirectory, "mail");
}
