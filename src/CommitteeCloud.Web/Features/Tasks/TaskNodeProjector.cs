using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Keeps a unit's cascade nodes current from its own task events, and tells the unit and every unit above it, live,
/// that a task changed (the supervisors' views reload what they show).
/// </summary>
public sealed class TaskNodeProjector(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push)
    : IDomainEventHandler<TaskChanged>
{
    public const string TaskChangedEvent = "taskChanged";

    public async ValueTask HandleAsync(TaskChanged domainEvent, DomainEventContext eventContext, CancellationToken ct)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException("A task's node is projected in its own tenant.");
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == domainEvent.TaskId, ct);
        if (task is null) return;
        var node = await db.TaskNodes.FirstOrDefaultAsync(n => n.TaskId == task.Id, ct);
        if (node is null)
        {
            node = new TaskNode { TaskId = task.Id, TenantId = tenant.Id };
            db.TaskNodes.Add(node);
        }
        node.Path = tenant.Path;
        node.UnitCode = tenant.Code;
        node.UnitName = tenant.Name;
        node.ParentTaskId = task.ParentTaskId;
        node.RootTaskId = task.RootTaskId;
        node.Level = task.Level;
        node.Title = task.Title;
        node.State = task.State;
        node.Percent = task.Percent;
        node.Deadline = task.CurrentDeadline;
        node.CompletedOn = task.CompletedOn;
        node.ExplanationPending = task.ExplanationPending;
        node.LastExplanation = task.LastExplanation;
        node.UpdatedAt = clock.GetUtcNow();
        afterCommit.Add(() => push.ToTenantAndAncestorsAsync(tenant.Path, TaskChangedEvent, task.Id));
    }
}
