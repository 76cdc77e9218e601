using System.Security.Claims;

namespace CommitteeCloud.Web.Platform.Identity;

public static class ClaimsExtensions
{
    public const string PlatformOperatorClaim = "cc:platform_operator";
    public const string FullNameClaim = "cc:full_name";

    public static Guid? FindUserId(this ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    public static bool IsPlatformOperator(this ClaimsPrincipal? user) => user?.HasClaim(PlatformOperatorClaim, "true") == true;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(FullNameClaim) ?? user.Identity?.Name ?? "";
}
