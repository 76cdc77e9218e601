using CommitteeCloud.Domain.Tenants;

namespace CommitteeCloud.Web.Features.Supervision;

/// <summary>
/// The one way a request reaches a tenant other than the one it acts in: a tenant strictly below it, found by code
/// in the catalog. Anything else (a sibling, a parent, a stranger, an unknown code) is the same 404.
/// </summary>
public static class SubtreeAccess
{
    public static async Task<Tenant> FindDescendantAsync(this AppDbContext db, ITenantContext context, string code, string field, CancellationToken ct)
    {
        var current = context.Tenant ?? throw new TenantRequiredException();
        var normalized = Tenant.NormalizeCode(code);
        var tenant = Tenant.IsValidCode(normalized) ? await db.Tenants.FirstOrDefaultAsync(t => t.Code == normalized, ct) : null;
        if (tenant is null || !tenant.Path.StartsWith(current.Path + ".", StringComparison.Ordinal))
            throw new NotFoundException(field);
        return tenant;
    }

    /// <summary>The current tenant itself or a tenant below it.</summary>
    public static async Task<Tenant> FindSelfOrDescendantAsync(this AppDbContext db, ITenantContext context, string? code, string field, CancellationToken ct)
    {
        var current = context.Tenant ?? throw new TenantRequiredException();
        if (string.IsNullOrWhiteSpace(code) || Tenant.NormalizeCode(code) == current.Code)
            return await db.Tenants.FirstAsync(t => t.Id == current.Id, ct);
        return await db.FindDescendantAsync(context, code, field, ct);
    }
}
