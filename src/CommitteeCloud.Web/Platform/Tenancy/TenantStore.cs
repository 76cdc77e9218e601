using CommitteeCloud.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CommitteeCloud.Web.Platform.Tenancy;

/// <summary>
/// The tenant catalog, read on every request and therefore cached. Entries expire after a short time so that a
/// change made on another node is seen; changes made here invalidate at once.
/// </summary>
public sealed class TenantStore(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public async ValueTask<TenantInfo?> FindByCodeAsync(string code, CancellationToken ct = default)
    {
        var normalized = Domain.Tenants.Tenant.NormalizeCode(code);
        if (cache.TryGetValue(CodeKey(normalized), out TenantInfo? hit)) return hit;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == normalized, ct);
        return Remember(tenant is null ? null : TenantInfo.From(tenant), normalized);
    }

    public async ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken ct = default)
    {
        if (cache.TryGetValue(IdKey(id), out TenantInfo? hit)) return hit;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return tenant is null ? null : Remember(TenantInfo.From(tenant), tenant.Code);
    }

    public void Invalidate(TenantInfo tenant) => Invalidate(tenant.Id, tenant.Code);

    public void Invalidate(Guid id, string code)
    {
        cache.Remove(CodeKey(code));
        cache.Remove(IdKey(id));
    }

    private TenantInfo? Remember(TenantInfo? tenant, string code)
    {
        // Unknown codes are cached too (briefly), so probing random codes does not reach the database each time.
        cache.Set(CodeKey(code), tenant, tenant is null ? TimeSpan.FromSeconds(5) : Ttl);
        if (tenant is not null) cache.Set(IdKey(tenant.Id), tenant, Ttl);
        return tenant;
    }

    private static string CodeKey(string code) => "tenant:code:" + code;
    private static string IdKey(Guid id) => "tenant:id:" + id;
}
