namespace MiningRights.Workflows;

/// <summary>Who causes a transition: a signed-in person with roles, or the system acting on a deadline.</summary>
public sealed record Actor(string Name, IReadOnlyCollection<string> Roles)
{
    public static readonly Actor Deadline = new("system:deadline", []);

    public bool IsInRole(string role) => Roles.Contains(role);
}
