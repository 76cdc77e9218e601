using Microsoft.AspNetCore.Identity;

namespace CommitteeCloud.Web.Platform.Identity;

/// <summary>The one password check of the app (UI cookie and API token alike), lockout included.</summary>
public static class SignInFlow
{
    public sealed record Outcome(User? User, bool LockedOut);

    public static async Task<Outcome> CheckPasswordAsync(SignInManager<User> signIn, string userNameOrEmail, string password)
    {
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(userNameOrEmail.Trim()) ?? await users.FindByEmailAsync(userNameOrEmail.Trim());
        if (user is null) return new Outcome(null, false);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? new Outcome(user, false) : new Outcome(null, result.IsLockedOut);
    }
}
