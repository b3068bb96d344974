namespace MiningRights.Storage;

/// <summary>Configuration section <c>Storage</c>: the data folder holding the SQLite file, uploaded plans and evidence, and the mail pickup folder.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DataDirectory { get; set; } = "./data";

    /// <summary>Largest upload accepted (a plan, one evidence file), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Most evidence files one signal (a report, a claim, findings) may carry.</summary>
    public int MaxEvidenceFiles { get; set; } = 10;

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public string PlansDirectory => Path.Combine(FullDataDirectory, "plans");

    public string EvidenceDirectory => Path.Combine(FullDataDirectory, "evidence");

    public string MailPickupDirectory => Path.Combine(FullDataDirectory, "mail");
}
