using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>Một nhiệm vụ: its details, the units it went to and where each stands, its thread, and what the caller may do.</summary>
[RequirePermission(Permissions.TasksView)]
public sealed record GetTaskQuery(Guid Id) : IQuery<TaskDetail>;

public sealed class GetTaskHandler(AppDbContext db, ITenantContext context, PermissionService permissions, TimeProvider clock)
    : IQueryHandler<GetTaskQuery, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(GetTaskQuery query, CancellationToken ct)
    {
        await using var snapshot = await db.ReadOneSnapshotAsync(ct);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.Id, ct) ?? throw new NotFoundException("task");
        var today = clock.Today();
        var handoffs = await db.TaskHandoffs.AsNoTracking().Where(h => h.TaskId == task.Id).OrderBy(h => h.Role).ThenBy(h => h.RecipientName).ToListAsync(ct);
        var thread = await db.TaskUpdates.AsNoTracking().Where(u => u.TaskId == task.Id).OrderBy(u => u.At).ThenBy(u => u.Id).ToListAsync(ct);
        var directiveNumber = task.DirectiveId is { } did
            ? await db.Directives.Where(d => d.Id == did).Select(d => d.Number).FirstOrDefaultAsync(ct) : null;
        var held = await permissions.GetAsync(context.Tenant!.Id, context.UserId!.Value, ct) ?? new HashSet<string>();
        var periods = task.Deadline is Deadline.Recurring r
            ? r.Periods().Select(p => new TaskPeriodDto(p.Start, p.End, p.Label, task.ReportedThrough is { } through && p.End <= through)).ToList()
            : [];
        var handoffDtos = handoffs.Select(h => ToDto(h, task, today)).ToList();
        var attachmentIds = task.AttachmentFileIds;
        var attachments = attachmentIds.Count == 0 ? [] : await db.StoredFiles.AsNoTracking().Where(f => attachmentIds.Contains(f.Id))
            .Select(f => new AttachedFileDto(f.Id, f.FileName, f.Size, f.ContentType)).ToListAsync(ct);
        return new TaskDetail(task.Id, task.Title, task.Content, task.PointNumber, task.Origin, task.DirectiveId, directiveNumber,
            task.State, TaskStateNames.Of(task.State), task.Percent, task.PercentSetByHand, task.Priority, task.LeadUnitName,
            task.CoordinatingUnitNames, task.LeaderMembershipId, task.LeaderName, task.OfficerMembershipId, task.OfficerName,
            task.DeadlineKind, task.DueDate, task.Recurrence, task.RecurFrom, task.RecurUntil, task.ReviewDates, task.CurrentDeadline,
            task.CompletedOn, task.TimelinessOn(today), periods, task.IsReceived, task.ParentTenantName, task.RoleInParent, task.RootTaskId,
            task.ExplanationPending, task.LastExplanation, task.AttachmentFileIds,
            [.. attachmentIds.SelectMany(id => attachments.Where(a => a.FileId == id))], handoffDtos,
            TimelinessCounts.Of(handoffDtos.Select(h => h.Timeliness)),
            [.. thread.Select(ToDto)],
            TaskActions.For(task, held.Contains(Permissions.TasksReport), held.Contains(Permissions.TasksManage)), task.Version);
    }

    public static HandoffDto ToDto(TaskHandoff h, WorkTask task, DateOnly today)
    {
        // A recurring task is due, for each unit, at the end of the first period that unit has not reported.
        var deadline = task.Deadline is Deadline.Recurring r ? r.NextDue(h.ReportedThrough) : task.CurrentDeadline;
        return new HandoffDto(h.Id, h.RecipientTenantId, h.RecipientCode, h.RecipientName, h.RecipientTaskId, h.Role, h.Weight, h.State,
            h.Percent, h.CompletedOn, h.ResultReportedAt, TaskTimeliness.OfTask(h.State, deadline, h.CompletedOn, today),
            TaskActions.Decisions(h.State), h.Version);
    }

    public static TaskUpdateDto ToDto(TaskUpdate u) => new(u.Id, u.Kind, u.Text, u.Percent, u.PeriodLabel,
        [.. u.Files.Select(f => new AttachedFileDto(f.FileId, f.FileName, f.Size, f.ContentType))], u.AuthorName, u.UnitName, u.HandoffId, u.At);
}

public sealed class GetTaskEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tasks/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetTaskQuery(id), ct))
        .WithTags("Tasks").WithSummary("A task with its hand-offs, thread and the actions the caller may take")
        .Produces<TaskDetail>().WithTenantProblems();
}
