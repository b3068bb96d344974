namespace MiningRights.Workflows;

/// <summary>
/// Who causes a transition: a signed-in person with roles and the holder or jurisdiction they belong to, or the
/// system acting on a deadline.
/// </summary>
public sealed record Actor(string Name, IReadOnlyCollection<string> Roles, Guid? HolderId = null, string? JurisdictionCode = null)
{
    public static readonly Actor Deadline = new("system:deadline", []);

    /// <summary>The service acting on its own, e.g. settling a duty a person's step has fulfilled; named after why.</summary>
    public static Actor System(string name) => new($"system:{name}", []);

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsSystem => Roles.Count == 0;
}
