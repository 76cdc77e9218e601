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
