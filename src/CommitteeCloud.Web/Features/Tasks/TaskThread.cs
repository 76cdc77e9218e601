using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Writes an entry in a task's thread as the person acting, and for a received task sends it up to the assigner
/// with the task's new state (internal notes never go up).
/// </summary>
public sealed class TaskThread(AppDbContext db, ITenantContext context, TimeProvider clock)
{
    public async Task<TaskUpdate> WriteAsync(WorkTask task, TaskUpdateKind kind, string? text, CancellationToken ct,
        decimal? percent = null, string? periodLabel = null, IReadOnlyList<AttachedFile>? files = null)
    {
        var entry = new TaskUpdate(task.Id, null, kind, text, percent, periodLabel, files ?? [], context.UserId,
            await db.ActorNameAsync(context, ct), context.Tenant!.Name, clock.GetUtcNow());
        db.TaskUpdates.Add(entry);
        if (!entry.IsInternal) task.ReportToAssigner(entry.ToReported());
        return entry;
    }
}
