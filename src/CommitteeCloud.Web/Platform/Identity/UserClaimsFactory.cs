using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommitteeCloud.Web.Platform.Identity;

/// <summary>Adds the person's full name and platform-operator flag to their sign-in (cookie or bearer token).</summary>
public sealed class UserClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimsExtensions.FullNameClaim, user.FullName));
        if (user.IsPlatformOperator) identity.AddClaim(new Claim(ClaimsExtensions.PlatformOperatorClaim, "true"));
        return identity;
    }
}
