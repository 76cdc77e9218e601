using CommitteeCloud.Domain.LeaderAssignments;
using CommitteeCloud.Web.Platform;
using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Database;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Jobs;

namespace CommitteeCloud.Web.Features.LeaderAssignments;

/// <summary>
/// Lapses assignments whose end date has passed (Vietnamese date), once an hour. Runs on one node at a time (a
/// PostgreSQL advisory lock) and visits each tenant in a scope of its own, since no query may read two tenants.
/// Lapsing is idempotent: a second run, or a second node, finds nothing left to do.
/// </summary>
public sealed class LeaderAssignmentExpiryJob(
    IServiceScopeFactory scopes, DatabaseOptions database, TimeProvider clock, ILogger<LeaderAssignmentExpiryJob> logger) : ScheduledJob(clock, logger)
{
    private const long LockKey = 0x4C_45_41_44_45_52; // "LEADER"

    /// <summary>Returns how many assignments lapsed, or null when another node holds the lock.</summary>
    public override async Task<int?> RunOnceAsync(CancellationToken ct)
    {
        await using var runLock = await AdvisoryLock.TryTakeAsync(database.AppConnectionString, LockKey, ct);
        if (runLock is null) return null;
        var today = Clock.Today();
        return await scopes.SumOverTenantsAsync(nameof(LeaderAssignmentExpiryJob), activeOnly: false, services => LapseExpiredAsync(services, today, ct), ct);
    }

    private static async Task<int> LapseExpiredAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var expired = await db.LeaderAssignments
            .Where(a => a.Status == LeaderAssignmentStatus.Current && a.EffectiveTo != null && a.EffectiveTo < today)
            .ToListAsync(ct);
        if (expired.Count == 0) return 0;
        foreach (var assignment in expired) assignment.Lapse($"Hết thời hạn hiệu lực ngày {assignment.EffectiveTo:dd/MM/yyyy}.");
        await db.SaveChangesAsync(ct);
        services.GetRequiredService<OutboxSignal>().Notify();
        return expired.Count;
    }

}
