using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>In the unit's tenant: records a supervisor's request for an explanation in the thread and tells the unit.</summary>
public sealed class ExplanationRequestedHandler(AppDbContext db, TaskAudience audience, TimeProvider clock)
    : IDomainEventHandler<ExplanationRequested>
{
    public async ValueTask HandleAsync(ExplanationRequested request, DomainEventContext eventContext, CancellationToken ct)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == request.TaskId, ct);
        if (task is null || await db.TaskUpdates.AnyAsync(u => u.SourceId == request.RequestId, ct)) return;
        task.RequestExplanation(request.RequesterTenantId, request.RequesterUserId, clock.GetUtcNow());
        db.TaskUpdates.Add(new TaskUpdate(task.Id, null, TaskUpdateKind.ExplanationRequested, request.Text, null, null, [],
            null, request.RequesterName, request.RequesterTenantName, eventContext.OccurredAt, request.RequestId));
        await audience.NotifyAsync(Permissions.TasksReport, task, TaskNotificationKinds.ExplanationRequested,
            $"{request.RequesterTenantName} yêu cầu giải trình: {TaskHandOffs.Shorten(task.Title)}", TaskHandOffs.Shorten(request.Text),
            audience.TaskLink(task.Id), $"{TaskNotificationKinds.ExplanationRequested}:{request.RequestId:N}", ct);
    }
}

/// <summary>In the requester's tenant: tells the supervisor who asked that the unit answered.</summary>
public sealed class ExplanationAnsweredHandler(Inbox inbox, ITenantContext context) : IDomainEventHandler<ExplanationAnswered>
{
    public async ValueTask HandleAsync(ExplanationAnswered answer, DomainEventContext eventContext, CancellationToken ct) =>
        await inbox.AddAsync(answer.RequesterUserId, TaskNotificationKinds.ExplanationAnswered,
            $"{answer.UnitName} đã giải trình: {TaskHandOffs.Shorten(answer.TaskTitle)}", TaskHandOffs.Shorten(answer.Text),
            $"/t/{context.Tenant!.Code}/tasks", $"{TaskNotificationKinds.ExplanationAnswered}:{eventContext.EventId:N}", ct);
}
