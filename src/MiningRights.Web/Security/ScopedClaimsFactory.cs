using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MiningRights.Accounts;
using MiningRights.Data;

namespace MiningRights.Web.Security;

/// <summary>Adds the holder or jurisdiction an account belongs to, so access checks need no database read.</summary>
public sealed class ScopedClaimsFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.HolderId is { } holder)
        {
            identity.AddClaim(new Claim(Actor.HolderClaim, holder.ToString()));
        }

        if (user.JurisdictionCode is { } jurisdiction)
        {
            identity.AddClaim(new Claim(Actor.JurisdictionClaim, jurisdiction));
        }

        return identity;
    }
}
