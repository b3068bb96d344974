using System.Security.Claims;
using MiningRights.Workflows;

namespace MiningRights.Accounts;

/// <summary>The signed-in person as the domain sees them: roles, and the holder or jurisdiction they belong to.</summary>
public sealed record CurrentUser(string Id, string Name, IReadOnlyCollection<string> Roles, Guid? HolderId, string? JurisdictionCode)
{
    public const string HolderClaim = "mr:holder";
    public const string JurisdictionClaim = "mr:jurisdiction";

    public bool IsHolder => Roles.Contains(Accounts.Roles.Holder);

    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);

    public bool IsOfficer => Roles.Contains(Accounts.Roles.Authority) || Roles.Contains(Accounts.Roles.Inspector);

    public Actor Actor => new(Name, Roles, HolderId, JurisdictionCode);

    public static CurrentUser From(ClaimsPrincipal principal) =>
        new(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            principal.Identity?.Name ?? string.Empty,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
            Guid.TryParse(principal.FindFirstValue(HolderClaim), out var holder) ? holder : null,
            principal.FindFirstValue(JurisdictionClaim));
}
