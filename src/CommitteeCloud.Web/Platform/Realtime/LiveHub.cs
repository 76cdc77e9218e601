using CommitteeCloud.Web.Platform.Identity;
using CommitteeCloud.Web.Platform.Persistence;
using CommitteeCloud.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CommitteeCloud.Web.Platform.Realtime;

/// <summary>
/// The one live hub (<c>/hubs/live</c>). A connection joins its person's group on connect and a tenant's groups only
/// when <see cref="JoinTenant"/> finds a membership there. Tenant and person are read from <c>Context.User</c> on
/// every call, never from a service captured at connect time.
/// </summary>
[Authorize]
public sealed class LiveHub(TenantStore store, ITenantContext tenantContext, AppDbContext db) : Hub
{
    public const string Path = "/hubs/live";
    public const string NotFoundMessage = "Không tìm thấy đơn vị.";

    public override async Task OnConnectedAsync()
    {
        var userId = Context.User.FindUserId() ?? throw new HubException("Cần đăng nhập.");
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.User(userId));
        await base.OnConnectedAsync();
    }

    /// <summary>Subscribes to a tenant's live events; refused alike for unknown tenants and non-members.</summary>
    public async Task<JoinedTenant> JoinTenant(string tenantCode)
    {
        var (tenant, roles) = await MembershipAsync(tenantCode);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Tenant(tenant.Id));
        foreach (var role in roles) await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.TenantRole(tenant.Id, role));
        return new JoinedTenant(tenant.Code, tenant.Name, roles);
    }

    public async Task LeaveTenant(string tenantCode)
    {
        var (tenant, roles) = await MembershipAsync(tenantCode);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Tenant(tenant.Id));
        foreach (var role in roles) await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.TenantRole(tenant.Id, role));
    }

    private async Task<(TenantInfo Tenant, string[] Roles)> MembershipAsync(string tenantCode)
    {
        var userId = Context.User.FindUserId() ?? throw new HubException("Cần đăng nhập.");
        var tenant = Domain.Tenants.Tenant.IsValidCode(tenantCode) ? await store.FindByCodeAsync(tenantCode) : null;
        if (tenant is null || !tenant.IsActive) throw new HubException(NotFoundMessage);
        tenantContext.Set(tenant, userId);
        var roleIds = await db.Memberships.Where(m => m.UserId == userId).Select(m => m.RoleIds).FirstOrDefaultAsync();
        if (roleIds is null) throw new HubException(NotFoundMessage);
        var roles = await db.TenantRoles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name).ToArrayAsync();
        return (tenant, roles);
    }
}

public sealed record JoinedTenant(string Code, string Name, string[] Roles);
