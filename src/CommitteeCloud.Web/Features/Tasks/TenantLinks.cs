namespace CommitteeCloud.Web.Features.Tasks;

public static class TenantLinks
{
    /// <summary>A direct child of the acting tenant from the catalog, or null (moved away, or never one).</summary>
    public static async Task<TenantInfo?> ChildOfCurrentAsync(this TenantStore tenants, ITenantContext context, Guid tenantId, CancellationToken ct)
    {
        var tenant = await tenants.FindByIdAsync(tenantId, ct);
        return tenant?.ParentId == context.Tenant?.Id ? tenant : null;
    }
}
