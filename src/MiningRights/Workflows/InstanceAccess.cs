using MiningRights.Accounts;
using MiningRights.Data;

namespace MiningRights.Workflows;

/// <summary>
/// Seeing is not acting. A holder sees the instances whose subject is its own; an officer those whose subject lies in
/// its jurisdiction or is registered there; an administrator all. Acting is narrower: an Authority officer decides
/// only on subjects whose registration authority is its own jurisdiction or lies below it (a county officer sees a
/// province-registered right but may not decide on it); inspectors and holders act on what they see.
/// </summary>
public sealed class InstanceAccess(MiningRightsDbContext db, Access access)
{
    public Task<IQueryable<WorkflowInstance>> VisibleAsync(Actor actor, CancellationToken ct) =>
        access.VisibleAsync(actor, db.WorkflowInstances, holder => i => i.HolderId == holder,
            codes => i => codes.Contains(i.JurisdictionCode) || codes.Contains(i.AuthorityCode), ct);

    public Task<bool> SeesAsync(Actor actor, WorkflowInstance instance, CancellationToken ct) =>
        access.SeesAsync(actor, instance.HolderId, [instance.JurisdictionCode, instance.AuthorityCode], ct);

    /// <summary>
    /// Whether <paramref name="actor"/>, in one of <paramref name="roles"/>, may act on the instance (it must already see
    /// it). An Authority officer acts from the subject's registration authority or above, or, for a signal that acts
    /// at the <paramref name="actsAt"/> <c>location</c>, from the jurisdiction the subject lies in or above.
    /// </summary>
    public async Task<bool> MayActAsync(Actor actor, WorkflowInstance instance, IEnumerable<string> roles, CancellationToken ct,
        string actsAt = SignalDefinition.ActsAtAuthority)
    {
        var place = actsAt == SignalDefinition.ActsAtLocation ? instance.JurisdictionCode : instance.AuthorityCode;
        foreach (var role in roles.Where(actor.IsInRole))
        {
            switch (role)
            {
                case Roles.Admin:
                case Roles.Holder:
                case Roles.Inspector:
                    return true;
                case Roles.Authority when await access.MayDecideAsync(actor, place, ct):
                    return true;
            }
        }

        return actor.IsSystem;
    }
}
