using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// The assigner's decision on one unit's part (nghiệm thu, trả lại, tạm dừng, tiếp tục, hủy), applied to the
/// hand-off and, acting in the unit's tenant in the same transaction, to the unit's own row, with a thread entry and
/// a notification there. A cancelled part is cancelled all the way down.
/// </summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record DecideOnHandoffCommand(Guid TaskId, Guid HandoffId, string Decision, string? Comment = null, uint? Version = null)
    : ICommand<TaskDetail>;

public sealed class DecideOnHandoffValidator : AbstractValidator<DecideOnHandoffCommand>
{
    public DecideOnHandoffValidator()
    {
        RuleFor(x => x.Decision).Must(d => HandoffDecisions.States.ContainsKey(d)).WithMessage("Quyết định không hợp lệ.");
        RuleFor(x => x.Comment).NotEmpty().When(x => x.Decision == TaskActions.Return).WithMessage("Hãy nêu nội dung yêu cầu bổ sung.");
        RuleFor(x => x.Comment).MaximumLength(TaskUpdate.TextMaxLength);
    }
}

public sealed class DecideOnHandoffHandler(AppDbContext db, ITenantContext context, HandoffDecisions decisions, TaskRollUp rollUp, IMediator mediator)
    : ICommandHandler<DecideOnHandoffCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(DecideOnHandoffCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.TaskId, ct);
        var handoff = await db.TaskHandoffs.FirstOrDefaultAsync(h => h.Id == command.HandoffId && h.TaskId == task.Id, ct)
            ?? throw new NotFoundException("handoff");
        db.ExpectVersion(handoff, command.Version);
        await decisions.DecideAsync(task, handoff, command.Decision, command.Comment, await db.ActorNameAsync(context, ct), ct);
        await rollUp.RecomputeAsync(task, ct);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

/// <summary>Applies an assigner's decision to a hand-off here and to the unit's own row in its tenant.</summary>
public sealed class HandoffDecisions(AppDbContext db, ITenantContext context, TenantStore tenants, TaskAudience audience, TimeProvider clock)
{
    public static readonly Dictionary<string, (TaskState State, TaskUpdateKind Kind, string Notification, string Verb)> States = new()
    {
        [TaskActions.Accept] = (TaskState.Accepted, TaskUpdateKind.Accepted, TaskNotificationKinds.Accepted, "nghiệm thu"),
        [TaskActions.Return] = (TaskState.Returned, TaskUpdateKind.Returned, TaskNotificationKinds.Returned, "trả lại, yêu cầu bổ sung"),
        [TaskActions.Pause] = (TaskState.Paused, TaskUpdateKind.Paused, TaskNotificationKinds.Paused, "tạm dừng"),
        [TaskActions.Resume] = (TaskState.InProgress, TaskUpdateKind.Resumed, TaskNotificationKinds.Resumed, "cho tiếp tục"),
        [TaskActions.Cancel] = (TaskState.Cancelled, TaskUpdateKind.Cancelled, TaskNotificationKinds.Cancelled, "hủy"),
    };

    /// <summary>Applies one decision to one hand-off, here and in the unit's tenant (recursively down for a cancel).</summary>
    public async Task DecideAsync(WorkTask task, TaskHandoff handoff, string decision, string? comment, string actorName, CancellationToken ct)
    {
        var (to, kind, notification, verb) = States[decision];
        var resuming = decision == TaskActions.Resume;
        if (resuming ? handoff.State != TaskState.Paused : !TaskLifecycle.CanMove(handoff.State, to, TaskSide.Assigner))
            throw new DomainRuleException("decision",
                $"Không thể {verb} khi đơn vị đang ở trạng thái \"{TaskStateNames.Of(handoff.State)}\".");
        var current = context.Tenant!;
        var now = clock.GetUtcNow();
        var today = clock.Today();
        db.TaskUpdates.Add(new TaskUpdate(task.Id, handoff.Id, kind, Sentence(handoff.RecipientName, verb, comment), null, null, [],
            context.UserId, actorName, current.Name, now));

        var recipient = await tenants.ChildOfCurrentAsync(context, handoff.RecipientTenantId, ct);
        TaskState childState = to;
        DateOnly? completedOn = today;
        if (recipient is not null)
        {
            await using (await db.ActInTenantAsync(recipient, ct))
            {
                var child = await db.Tasks.FirstOrDefaultAsync(t => t.Id == handoff.RecipientTaskId, ct);
                if (child is not null)
                {
                    child.Move(to, TaskSide.Assigner, now, today);
                    childState = child.State;
                    completedOn = child.CompletedOn;
                    db.TaskUpdates.Add(new TaskUpdate(child.Id, null, kind, comment ?? $"Đơn vị giao đã {verb}.", null, null, [],
                        null, actorName, current.Name, now));
                    await audience.NotifyAsync(Permissions.TasksReport, child, notification,
                        $"{current.Name} đã {verb}: {TaskHandOffs.Shorten(child.Title)}", comment, audience.TaskLink(child.Id),
                        $"{notification}:{child.Id:N}:{now.ToUnixTimeMilliseconds()}", ct);
                    if (to == TaskState.Cancelled) await CancelBelowAsync(child, actorName, ct);
                }
            }
        }
        handoff.Decide(childState, completedOn, now);
    }

    private async Task CancelBelowAsync(WorkTask task, string actorName, CancellationToken ct)
    {
        var open = await db.TaskHandoffs.Where(h => h.TaskId == task.Id).ToListAsync(ct);
        foreach (var handoff in open.Where(h => TaskLifecycle.CanMove(h.State, TaskState.Cancelled, TaskSide.Assigner)))
            await DecideAsync(task, handoff, TaskActions.Cancel, "Nhiệm vụ cấp trên đã bị hủy.", actorName, ct);
    }

    private static string Sentence(string unit, string verb, string? comment) =>
        comment is { Length: > 0 } ? $"Đã {verb} phần của {unit}: {comment}" : $"Đã {verb} phần của {unit}.";
}

public sealed class DecideOnHandoffEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tasks/{id:guid}/handoffs/{handoffId:guid}/decision", (Guid id, Guid handoffId, DecisionBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new DecideOnHandoffCommand(id, handoffId, body.Decision ?? "", body.Comment, body.Version), ct))
        .WithTags("Tasks").WithSummary("Accept, return, pause, resume or cancel one unit's part of a task")
        .Produces<TaskDetail>().WithCommandProblems();
}

public sealed record DecisionBody(string? Decision, string? Comment, uint? Version);
