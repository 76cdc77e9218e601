using CommitteeCloud.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace CommitteeCloud.Web.Platform.Identity;

/// <summary>
/// One account per person, whatever the number of tenants they belong to. What they may do in a tenant comes from
/// their membership there, never from the account.
/// </summary>
public sealed class User : IdentityUser<Guid>, IGlobalEntity
{
    public const int FullNameMaxLength = 128;

    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>Họ và tên.</summary>
    public string FullName { get; set; } = "";

    /// <summary>May create root tenants (a province committee, a central bloc). Not a tenant role.</summary>
    public bool IsPlatformOperator { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
