using CommitteeCloud.Domain.Tenants;

namespace CommitteeCloud.Web.Platform.Tenancy;

/// <summary>What the app knows of a tenant on every request; cached, so kept small and immutable.</summary>
public sealed record TenantInfo(
    Guid Id, string Code, string Name, TenantKind Kind, string LevelLabel, Guid? ParentId, string Path, int Depth, TenantStatus Status)
{
    public bool IsActive => Status == TenantStatus.Active;

    public static TenantInfo From(Tenant t) =>
        new(t.Id, t.Code, t.Name, t.Kind, t.LevelLabel, t.ParentId, t.Path, t.Depth, t.Status);
}

/// <summary>
/// The tenant and person a unit of work acts for. Set once when a scope starts (HTTP request, hub call, background
/// job, seeding) and never changed inside it: the DbContext's filters and the PostgreSQL session read it.
/// </summary>
public interface ITenantContext
{
    TenantInfo? Tenant { get; }
    Guid? UserId { get; }
    bool IsSet { get; }
    void Set(TenantInfo? tenant, Guid? userId);

    /// <summary>
    /// Acts in <paramref name="tenant"/> until disposed. Only a parent acting for a child uses it: provisioning (a new
    /// tenant's roles and first secretary) and hand-offs (the recipient's row of a task handed down, the assigner's
    /// decisions on it), in the parent's transaction. Use
    /// <c>AppDbContext.ActInTenantAsync</c>, which also moves the database session.
    /// </summary>
    IDisposable Enter(TenantInfo tenant);
}

public sealed class TenantContext : ITenantContext
{
    private TenantInfo? _tenant;
    private readonly Stack<TenantInfo> _entered = new();

    public TenantInfo? Tenant => _entered.TryPeek(out var entered) ? entered : _tenant;
    public Guid? UserId { get; private set; }
    public bool IsSet { get; private set; }

    public void Set(TenantInfo? tenant, Guid? userId)
    {
        if (IsSet && (_tenant?.Id != tenant?.Id || UserId != userId))
            throw new InvalidOperationException("The tenant of a scope cannot change once set; open a new scope.");
        _tenant = tenant;
        UserId = userId;
        IsSet = true;
    }

    public IDisposable Enter(TenantInfo tenant)
    {
        _entered.Push(tenant);
        return new Exit(_entered);
    }

    private sealed class Exit(Stack<TenantInfo> stack) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            stack.Pop();
        }
    }
}
