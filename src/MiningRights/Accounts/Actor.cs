using System.Security.Claims;

namespace MiningRights.Accounts;

/// <summary>
/// Who acts or asks: a signed-in person with roles and the holder or jurisdiction they belong to, or the service acting
/// on its own (a deadline falling due, a job). The one user type of the domain: queries, pages, endpoints and the
/// workflow runtime all take it.
/// </summary>
public sealed record Actor(string Name, IReadOnlyCollection<string> Roles, Guid? HolderId = null, string? JurisdictionCode = null)
{
    public const string HolderClaim = "mr:holder";
    public const string JurisdictionClaim = "mr:jurisdiction";

    public static readonly Actor Deadline = new("system:deadline", []);

    /// <summary>The account's id; empty for the service itself and for a calendar feed read by its token.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The service acting on its own, e.g. settling a duty a person's step has fulfilled; named after why.</summary>
    public static Actor System(string name) => new($"system:{name}", []);

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsSystem => Roles.Count == 0;

    public bool IsHolder => Roles.Contains(Accounts.Roles.Holder);

    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);

    public bool IsOfficer => Roles.Contains(Accounts.Roles.Authority) || Roles.Contains(Accounts.Roles.Inspector);

    public static Actor From(ClaimsPrincipal principal) =>
        new(
            principal.Identity?.Name ?? string.Empty,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
            Guid.TryParse(principal.FindFirstValue(HolderClaim), out var holder) ? holder : null,
            principal.FindFirstValue(JurisdictionClaim))
        {
            Id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
        };
}
