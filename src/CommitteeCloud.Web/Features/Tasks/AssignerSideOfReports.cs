using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Platform.Outbox;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Nhận báo cáo từ cấp dưới, in the assigner's tenant: updates the hand-off from the child's report, copies the
/// child's thread entry (once, whatever the redeliveries), records its evidence against the same stored content,
/// rolls the task up and tells the people who manage it.
/// </summary>
public sealed class AssignerSideOfReports(AppDbContext db, ITenantContext context, TaskRollUp rollUp, TaskAudience audience,
    TaskEvidence evidence, ILogger<AssignerSideOfReports> logger) : IDomainEventHandler<TaskStatusReported>
{
    public async ValueTask HandleAsync(TaskStatusReported report, DomainEventContext eventContext, CancellationToken ct)
    {
        var handoff = await db.TaskHandoffs.FirstOrDefaultAsync(h => h.Id == report.HandoffId && h.TaskId == report.ParentTaskId
            && h.RecipientTenantId == report.ChildTenantId && h.RecipientTaskId == report.ChildTaskId, ct);
        var task = handoff is null ? null : await db.Tasks.FirstOrDefaultAsync(t => t.Id == handoff.TaskId, ct);
        if (handoff is null || task is null)
        {
            // A report that matches no hand-off here is dropped, never applied elsewhere.
            logger.LogWarning("Task report for {ParentTask} matches no hand-off in {Tenant}", report.ParentTaskId, context.Tenant?.Code);
            return;
        }
        handoff.Apply(report, eventContext.OccurredAt);
        if (report.Update is { } update && !await db.TaskUpdates.AnyAsync(u => u.SourceId == update.SourceId, ct))
        {
            var files = evidence.RecordReported(update.Files, update.AuthorName, update.At);
            db.TaskUpdates.Add(new TaskUpdate(task.Id, handoff.Id, update.Kind, update.Text, update.Percent, update.PeriodLabel, files,
                null, update.AuthorName, handoff.RecipientName, update.At, update.SourceId));
            if (Kinds.TryGetValue(update.Kind, out var kind))
            {
                await audience.NotifyAsync(Permissions.TasksManage, task, kind.Notification,
                    $"{handoff.RecipientName} {kind.Verb}: {TaskHandOffs.Shorten(task.Title)}",
                    update.Text is { } text ? TaskHandOffs.Shorten(text) : null, audience.TaskLink(task.Id),
                    $"{kind.Notification}:{update.SourceId:N}", ct);
            }
        }
        await rollUp.RecomputeAsync(task, ct);
    }

    private static readonly Dictionary<TaskUpdateKind, (string Notification, string Verb)> Kinds = new()
    {
        [TaskUpdateKind.Acknowledged] = (TaskNotificationKinds.Acknowledged, "đã tiếp nhận"),
        [TaskUpdateKind.Progress] = (TaskNotificationKinds.Progress, "cập nhật tiến độ"),
        [TaskUpdateKind.ResultReported] = (TaskNotificationKinds.ResultReported, "báo cáo kết quả"),
        [TaskUpdateKind.Rejected] = (TaskNotificationKinds.Rejected, "từ chối nhiệm vụ"),
        [TaskUpdateKind.Explanation] = (TaskNotificationKinds.ExplanationAnswered, "giải trình"),
    };
}
