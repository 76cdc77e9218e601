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
        // One round trip, read on every request: no row when not a member, one row without a bundle when a member
        // holds no role.
        var bundles = await (
            from m in db.Memberships
            where m.UserId == userId
            from r in db.TenantRoles.Where(r => m.RoleIds.Contains(r.Id)).DefaultIfEmpty()
            select r == null ? null : r.Permissions).ToListAsync(ct);
        if (bundles.Count == 0) return null;
        _cached = bundles.Where(p => p is not null).SelectMany(p => p!).ToHashSet();
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
