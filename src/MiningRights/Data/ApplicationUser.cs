using Microsoft.AspNetCore.Identity;

namespace MiningRights.Data;

/// <summary>A person's account. A Holder account belongs to one holder; an Authority or Inspector account to one jurisdiction.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public Guid? HolderId { get; set; }

    public string? JurisdictionCode { get; set; }

    public string Language { get; set; } = "zh-CN";

    public string DisplayName { get; set; } = string.Empty;
}
