using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>Từ chối tiếp nhận: the unit refuses a task before starting it, and must say why.</summary>
[RequirePermission(Permissions.TasksReport)]
public sealed record RejectTaskCommand(Guid Id, string Reason) : ICommand<TaskDetail>;

public sealed class RejectTaskValidator : AbstractValidator<RejectTaskCommand>
{
    public RejectTaskValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Hãy nêu lý do từ chối.").MaximumLength(TaskUpdate.TextMaxLength);
}

public sealed class RejectTaskHandler(AppDbContext db, TaskThread thread, TimeProvider clock, IMediator mediator)
    : ICommandHandler<RejectTaskCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(RejectTaskCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.Id, ct);
        if (!task.IsReceived) throw new DomainRuleException("id", "Chỉ từ chối được nhiệm vụ được giao.");
        task.Move(TaskState.Rejected, TaskSide.Receiver, clock.GetUtcNow(), clock.Today());
        await thread.WriteAsync(task, TaskUpdateKind.Rejected, command.Reason, ct);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

public sealed class RejectTaskEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tasks/{id:guid}/reject", (Guid id, ReasonBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new RejectTaskCommand(id, body.Reason ?? ""), ct))
        .WithTags("Tasks").WithSummary("Reject a received task with a reason")
        .Produces<TaskDetail>().WithCommandProblems();
}

public sealed record ReasonBody(string? Reason);
