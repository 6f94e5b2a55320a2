using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rapport.Accounts.Domain;

namespace Rapport.Accounts.Features;

/// <summary>Adds the display name, so that pages greet people by name without a query.</summary>
internal sealed class RapportClaimsFactory(
    UserManager<RapportUser> users,
    RoleManager<RapportRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<RapportUser, RapportRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RapportUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
