using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Web.Platform;
using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Database;
using CommitteeCloud.Web.Platform.Jobs;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>
/// Khóa phiếu khi hết hạn: once an hour, sheets whose deadline (a Vietnamese date) has passed are locked, submitted
/// or not. Writes are refused after the deadline anyway (the sheet compares the date itself); the job makes the lock
/// visible in lists and in the audit trail. One node at a time (advisory lock); each tenant in a scope of its own.
/// </summary>
public sealed class ReviewDeadlineJob(IServiceScopeFactory scopes, DatabaseOptions database, TimeProvider clock, ILogger<ReviewDeadlineJob> logger)
    : ScheduledJob(clock, logger)
{
    private const long LockKey = 0x52_45_56_49_45_57; // "REVIEW"

    public override async Task<int?> RunOnceAsync(CancellationToken ct)
    {
        await using var runLock = await AdvisoryLock.TryTakeAsync(database.AppConnectionString, LockKey, ct);
        if (runLock is null) return null;
        var today = Clock.Today();
        return await scopes.SumOverTenantsAsync(nameof(ReviewDeadlineJob), activeOnly: false, services => LockDueAsync(services, today, ct), ct);
    }

    private static async Task<int> LockDueAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var due = await db.SelfAssessments
            .Where(s => (s.State == SelfAssessmentState.Draft || s.State == SelfAssessmentState.Submitted) && s.Deadline < today).ToListAsync(ct);
        var count = due.Count(s => s.LockIfDue(today));
        if (count > 0) await db.SaveChangesAsync(ct);
        return count;
    }
}
