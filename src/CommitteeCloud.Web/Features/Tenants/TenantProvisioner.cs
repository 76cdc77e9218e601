using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Platform.Identity;

namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>
/// Creates a tenant with its starting role bundles and, optionally, its first secretary, in the caller's
/// transaction. Used by the platform operator (root tenants), by a parent's secretary (children) and by the
/// declarative tenant files.
/// </summary>
public sealed class TenantProvisioner(AppDbContext db, TenantStore store, TimeProvider clock)
{
    public async Task<Tenant> ProvisionAsync(Tenant tenant, User? firstSecretary, string? secretaryPosition, CancellationToken ct)
    {
        // Codes are unique across the platform (the unique index is the last word; this names the field first).
        if (await db.Tenants.AnyAsync(t => t.Code == tenant.Code, ct))
            throw new DomainRuleException("code", "Mã đơn vị đã được dùng.");
        var info = TenantInfo.From(tenant);
        await using (await db.ActInTenantAsync(info, ct))
        {
            // Added inside the new tenant so that its audit entry and its event belong to it.
            db.Tenants.Add(tenant);
            tenant.MarkProvisioned();
            var roles = DefaultRoles.Bundles
                .Select(b => new TenantRole(b.Key, b.Value.DisplayName, b.Value.Permissions))
                .ToList();
            db.TenantRoles.AddRange(roles);
            if (firstSecretary is not null)
            {
                db.Memberships.Add(new Membership(firstSecretary.Id, secretaryPosition,
                    roles.Where(r => r.Name == DefaultRoles.Secretary), clock.GetUtcNow()));
            }
        }
        store.Invalidate(info);
        return tenant;
    }
}
