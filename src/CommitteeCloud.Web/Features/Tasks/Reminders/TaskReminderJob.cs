using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Database;
using CommitteeCloud.Web.Platform.Jobs;
using CommitteeCloud.Web.Platform.Outbox;

namespace CommitteeCloud.Web.Features.Tasks.Reminders;

/// <summary>
/// Nhắc hạn: once an hour, on one node at a time (advisory lock), visits each tenant and reminds the unit that must
/// act of tasks due in 7, 3 and 1 days and of overdue ones. Each reminder is recorded with its task, threshold and
/// deadline in the same transaction as the notifications, so a rerun, a second node or a restart never sends it
/// twice; a changed deadline starts afresh. Only the most urgent threshold reached is sent (a job that was down for
/// days does not send a burst of stale ones).
/// </summary>
public sealed class TaskReminderJob(
    IServiceScopeFactory scopes, DatabaseOptions database, TimeProvider clock, ILogger<TaskReminderJob> logger) : ScheduledJob(clock, logger)
{
    private const long LockKey = 0x52_45_4D_49_4E_44; // "REMIND"
    public static readonly int[] Thresholds = [7, 3, 1];
    public const int Overdue = -1;

    /// <summary>Returns how many reminders went out, or null when another node holds the lock.</summary>
    public override async Task<int?> RunOnceAsync(CancellationToken ct)
    {
        await using var runLock = await AdvisoryLock.TryTakeAsync(database.AppConnectionString, LockKey, ct);
        if (runLock is null) return null;
        var today = Clock.Today();
        return await scopes.SumOverTenantsAsync(nameof(TaskReminderJob), activeOnly: true, services => RemindAsync(services, today, ct), ct);
    }

    /// <summary>The threshold a deadline has reached on <paramref name="today"/>, if any.</summary>
    public static int? ThresholdOn(DateOnly deadline, DateOnly today)
    {
        var daysLeft = deadline.DayNumber - today.DayNumber;
        if (daysLeft < 0) return Overdue;
        foreach (var threshold in Thresholds.Order()) if (daysLeft <= threshold) return threshold;
        return null;
    }

    private async Task<int> RemindAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var horizon = today.AddDays(Thresholds.Max());
        var due = await db.Tasks
            .Where(t => t.CurrentDeadline != null && t.CurrentDeadline <= horizon
                && (t.State == TaskState.Assigned || t.State == TaskState.Acknowledged || t.State == TaskState.InProgress || t.State == TaskState.Returned))
            // The unit that must act: the one a task was handed to, or the unit itself for a task it keeps.
            .Where(t => t.ParentTaskId != null || !db.TaskHandoffs.Any(h => h.TaskId == t.Id))
            .ToListAsync(ct);
        if (due.Count == 0) return 0;
        var ids = due.Select(t => t.Id).ToList();
        var already = await db.TaskReminders.Where(r => ids.Contains(r.TaskId)).ToListAsync(ct);
        var audience = services.GetRequiredService<TaskAudience>();
        var now = Clock.GetUtcNow();
        var sent = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var task in due)
        {
            var deadline = task.CurrentDeadline!.Value;
            if (ThresholdOn(deadline, today) is not { } threshold) continue;
            // Overdue (-1) is the most urgent; a reminder at this or a more urgent threshold for this deadline was sent.
            if (already.Any(r => r.TaskId == task.Id && r.Deadline == deadline && Urgency(r.Threshold) >= Urgency(threshold))) continue;
            db.TaskReminders.Add(new TaskReminder { TaskId = task.Id, Threshold = threshold, Deadline = deadline, SentAt = now });
            var (kind, title) = threshold == Overdue
                ? (TaskNotificationKinds.Overdue, $"Quá hạn: {TaskHandOffs.Shorten(task.Title)}")
                : (TaskNotificationKinds.DueSoon, $"Còn {deadline.DayNumber - today.DayNumber} ngày đến hạn: {TaskHandOffs.Shorten(task.Title)}");
            await audience.NotifyAsync(task.IsReceived ? Permissions.TasksReport : Permissions.TasksManage, task, kind, title,
                $"Hạn hoàn thành {deadline:dd/MM/yyyy}", audience.TaskLink(task.Id), $"reminder:{task.Id:N}:{threshold}:{deadline:yyyyMMdd}", ct);
            sent++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await services.GetRequiredService<AfterCommit>().RunAsync();
        return sent;
    }

    private static int Urgency(int threshold) => threshold == Overdue ? int.MaxValue : -threshold;

}
