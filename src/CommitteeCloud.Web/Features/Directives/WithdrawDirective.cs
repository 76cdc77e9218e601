using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Directives;

/// <summary>Thu hồi: an issued directive is withdrawn with a reason; its open tasks are cancelled, down every level.</summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record WithdrawDirectiveCommand(Guid Id, string Reason) : ICommand<DirectiveDetail>;

public sealed class WithdrawDirectiveValidator : AbstractValidator<WithdrawDirectiveCommand>
{
    public WithdrawDirectiveValidator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("Hãy nêu lý do thu hồi.").MaximumLength(1000);
}

public sealed class WithdrawDirectiveHandler(AppDbContext db, ITenantContext context, HandoffDecisions decisions, TimeProvider clock, IMediator mediator)
    : ICommandHandler<WithdrawDirectiveCommand, DirectiveDetail>
{
    public async ValueTask<DirectiveDetail> Handle(WithdrawDirectiveCommand command, CancellationToken ct)
    {
        var directive = await db.FindDirectiveAsync(command.Id, ct);
        var now = clock.GetUtcNow();
        directive.Withdraw(command.Reason, now);
        var actor = await db.ActorNameAsync(context, ct);
        var comment = $"Văn bản {directive.Number} đã được thu hồi: {command.Reason.Trim()}";
        foreach (var task in await db.Tasks.Where(t => t.DirectiveId == directive.Id).ToListAsync(ct))
        {
            if (TaskLifecycle.IsClosed(task.State)) continue;
            task.Move(TaskState.Cancelled, TaskSide.Assigner, now, clock.Today());
            db.TaskUpdates.Add(new TaskUpdate(task.Id, null, TaskUpdateKind.Cancelled, comment, null, null, [], context.UserId, actor, context.Tenant!.Name, now));
            foreach (var handoff in await db.TaskHandoffs.Where(h => h.TaskId == task.Id).ToListAsync(ct))
                if (TaskLifecycle.CanMove(handoff.State, TaskState.Cancelled, TaskSide.Assigner))
                    await decisions.DecideAsync(task, handoff, TaskActions.Cancel, comment, actor, ct);
        }
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetDirectiveQuery(directive.Id), ct);
    }
}

public sealed class WithdrawDirectiveEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/directives/{id:guid}/withdraw", (Guid id, ReasonBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new WithdrawDirectiveCommand(id, body.Reason ?? ""), ct))
        .WithTags("Directives").WithSummary("Withdraw an issued directive; its open tasks are cancelled at every level")
        .Produces<DirectiveDetail>().WithCommandProblems();
}
