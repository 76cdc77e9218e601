using System.Security.Claims;
using CommitteeCloud.Web.Platform.Identity;
using CommitteeCloud.Web.Platform.Persistence;
using CommitteeCloud.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommitteeCloud.Web.Platform.Cqrs;

/// <summary>The permissions a person holds in a tenant: the union of their roles' bundles. Read once per scope.</summary>
public sealed class PermissionService(AppDbContext db, ITenantContext context)
{
    private HashSet<string>? _cached;
    private (Guid, Guid) _cachedFor;

    /// <summary>Null when the person is not a member of the tenant.</summary>
    public async ValueTask<IReadOnlySet<string>?> GetAsync(Guid tenantId, Guid userId, CancellationToken ct)
    {
        if (_cached is not null && _cachedFor == (tenantId, userId)) return _cached;
        if (context.Tenant?.Id != tenantId) throw new InvalidOperationException("Permissions are read in the current tenant only.");
        var roleIds = await db.Memberships.Where(m => m.UserId == userId).Select(m => m.RoleIds).FirstOrDefaultAsync(ct);
        if (roleIds is null) return null;
        var bundles = await db.TenantRoles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Permissions).ToListAsync(ct);
        _cached = bundles.SelectMany(p => p).ToHashSet();
        _cachedFor = (tenantId, userId);
        return _cached;
    }
}

/// <summary>The signed-in person of this scope, read from their claims.</summary>
public sealed class CurrentUser
{
    public ClaimsPrincipal? Principal { get; set; }
    public bool IsPlatformOperator => Principal.IsPlatformOperator();
}
