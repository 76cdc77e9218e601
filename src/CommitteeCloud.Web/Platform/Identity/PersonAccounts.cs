using CommitteeCloud.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace CommitteeCloud.Web.Platform.Identity;

/// <summary>One account per person: found by e-mail, or created when the person is new to the platform.</summary>
public static class PersonAccounts
{
    /// <returns>The account and whether it was created now.</returns>
    public static async Task<(User User, bool Created)> FindOrCreateAsync(
        UserManager<User> users, string email, string? fullName, string? userName, string? initialPassword,
        DateTimeOffset now, string fieldPrefix = "")
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null) return (user, false);
        if (string.IsNullOrWhiteSpace(fullName))
            throw new DomainRuleException(fieldPrefix + "fullName", "Cần họ và tên để tạo tài khoản mới.");
        if (string.IsNullOrEmpty(initialPassword))
            throw new DomainRuleException(fieldPrefix + "initialPassword", "Cần mật khẩu ban đầu để tạo tài khoản mới.");
        user = new User
        {
            UserName = string.IsNullOrWhiteSpace(userName) ? email : userName,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName.Trim(),
            CreatedAt = now,
        };
        var result = await users.CreateAsync(user, initialPassword);
        if (!result.Succeeded) throw IdentityErrors.ToValidation(result, passwordField: fieldPrefix + "initialPassword");
        return (user, true);
    }
}
