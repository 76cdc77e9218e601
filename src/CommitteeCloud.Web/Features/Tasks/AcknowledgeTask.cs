using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>Tiếp nhận: the unit confirms it received the task; the assigner sees it.</summary>
[RequirePermission(Permissions.TasksReport)]
public sealed record AcknowledgeTaskCommand(Guid Id, string? Text = null) : ICommand<TaskDetail>;

public sealed class AcknowledgeTaskValidator : AbstractValidator<AcknowledgeTaskCommand>
{
    public AcknowledgeTaskValidator() => RuleFor(x => x.Text).MaximumLength(TaskUpdate.TextMaxLength);
}

public sealed class AcknowledgeTaskHandler(AppDbContext db, TaskThread thread, TimeProvider clock, IMediator mediator)
    : ICommandHandler<AcknowledgeTaskCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(AcknowledgeTaskCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.Id, ct);
        if (!task.IsReceived) throw new DomainRuleException("id", "Chỉ tiếp nhận nhiệm vụ được giao.");
        task.Move(TaskState.Acknowledged, TaskSide.Receiver, clock.GetUtcNow(), clock.Today());
        await thread.WriteAsync(task, TaskUpdateKind.Acknowledged, command.Text ?? "Đã tiếp nhận nhiệm vụ.", ct);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

public sealed class AcknowledgeTaskEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tasks/{id:guid}/acknowledge", (Guid id, AcknowledgeTaskBody? body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new AcknowledgeTaskCommand(id, body?.Text), ct))
        .WithTags("Tasks").WithSummary("Acknowledge a received task (tiếp nhận)")
        .Produces<TaskDetail>().WithCommandProblems();
}

public sealed record AcknowledgeTaskBody(string? Text);
