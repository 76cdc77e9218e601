using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Tạm dừng, tiếp tục or hủy a task of the unit's own: every unit it was handed to gets the same decision (a cancel
/// reaches all the way down).
/// </summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record ChangeOwnTaskStateCommand(Guid Id, string Action, string? Comment = null, uint? Version = null) : ICommand<TaskDetail>;

public sealed class ChangeOwnTaskStateValidator : AbstractValidator<ChangeOwnTaskStateCommand>
{
    public ChangeOwnTaskStateValidator()
    {
        RuleFor(x => x.Action).Must(a => a is TaskActions.Pause or TaskActions.Resume or TaskActions.Cancel).WithMessage("Thao tác không hợp lệ.");
        RuleFor(x => x.Comment).MaximumLength(TaskUpdate.TextMaxLength);
    }
}

public sealed class ChangeOwnTaskStateHandler(AppDbContext db, ITenantContext context, HandoffDecisions decisions, TimeProvider clock,
    IMediator mediator) : ICommandHandler<ChangeOwnTaskStateCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(ChangeOwnTaskStateCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.Id, ct);
        if (task.IsReceived) throw new DomainRuleException("action", "Nhiệm vụ được giao do đơn vị giao quyết định tạm dừng hay hủy.");
        db.ExpectVersion(task, command.Version);
        var (to, kind, _, verb) = HandoffDecisions.States[command.Action];
        var now = clock.GetUtcNow();
        task.Move(to, TaskSide.Assigner, now, clock.Today());
        var actor = await db.ActorNameAsync(context, ct);
        db.TaskUpdates.Add(new TaskUpdate(task.Id, null, kind, command.Comment ?? $"Đã {verb} nhiệm vụ.", null, null, [],
            context.UserId, actor, context.Tenant!.Name, now));
        var handoffs = await db.TaskHandoffs.Where(h => h.TaskId == task.Id).ToListAsync(ct);
        foreach (var handoff in handoffs)
        {
            var applies = command.Action == TaskActions.Resume ? handoff.State == TaskState.Paused
                : TaskLifecycle.CanMove(handoff.State, to, TaskSide.Assigner);
            if (applies) await decisions.DecideAsync(task, handoff, command.Action, command.Comment, actor, ct);
        }
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

public sealed class ChangeOwnTaskStateEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        foreach (var action in new[] { TaskActions.Pause, TaskActions.Resume, TaskActions.Cancel })
        {
            api.MapPost($"/tasks/{{id:guid}}/{action}", (Guid id, DecisionBody? body, IMediator mediator, CancellationToken ct) =>
                    mediator.Send(new ChangeOwnTaskStateCommand(id, action, body?.Comment, body?.Version), ct))
                .WithTags("Tasks").WithSummary($"{action} an own task and every unit's part of it")
                .Produces<TaskDetail>().WithCommandProblems();
        }
    }
}
