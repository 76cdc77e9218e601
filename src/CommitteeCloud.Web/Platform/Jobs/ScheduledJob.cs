using CommitteeCloud.Web.Platform.Auditing;
namespace CommitteeCloud.Web.Platform.Jobs;

public static class JobScopes
{
    /// <summary>Every tenant's id from the catalog: a job visits each in a scope of its own, since no query may read two.</summary>
    public static async Task<List<Guid>> TenantIdsAsync(this IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(null, null);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.Select(t => t.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> for each tenant (only the active ones when <paramref name="activeOnly"/>), each in a
    /// scope of its own acting in that tenant for no person and audited as <paramref name="operation"/>; returns the sum.
    /// </summary>
    public static async Task<int> SumOverTenantsAsync(this IServiceScopeFactory scopes, string operation, bool activeOnly,
        Func<IServiceProvider, Task<int>> work, CancellationToken ct) =>
        await scopes.SumOverTenantsAsync(operation, await scopes.TenantIdsAsync(ct), activeOnly, work, ct);

    /// <summary>The same over the given tenants, in the given order.</summary>
    public static async Task<int> SumOverTenantsAsync(this IServiceScopeFactory scopes, string operation, IEnumerable<Guid> tenantIds,
        bool activeOnly, Func<IServiceProvider, Task<int>> work, CancellationToken ct)
    {
        var total = 0;
        foreach (var tenantId in tenantIds)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var tenant = await services.GetRequiredService<TenantStore>().FindByIdAsync(tenantId, ct);
            if (tenant is null || (activeOnly && !tenant.IsActive)) continue;
            services.GetRequiredService<ITenantContext>().Set(tenant, null);
            services.GetRequiredService<AuditScope>().Operation = operation;
            total += await work(services);
        }
        return total;
    }
}

/// <summary>A job that runs at start and then every <see cref="Interval"/>; a failed run is logged and the next one tried.</summary>
public abstract partial class ScheduledJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected virtual TimeSpan Interval => TimeSpan.FromHours(1);

    protected TimeProvider Clock { get; } = clock;

    /// <summary>Null when another node holds the job's lock.</summary>
    public abstract Task<int?> RunOnceAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested) { LogFailed(logger, ex, GetType().Name); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled job {Job} failed")]
    private static partial void LogFailed(ILogger logger, Exception ex, string job);
}
