using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>Hoàn thành: the unit closes a task of its own that it carried out itself.</summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record CompleteTaskCommand(Guid Id, string? Text = null) : ICommand<TaskDetail>;

public sealed class CompleteTaskValidator : AbstractValidator<CompleteTaskCommand>
{
    public CompleteTaskValidator() => RuleFor(x => x.Text).MaximumLength(TaskUpdate.TextMaxLength);
}

public sealed class CompleteTaskHandler(AppDbContext db, TaskThread thread, TimeProvider clock, IMediator mediator)
    : ICommandHandler<CompleteTaskCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(CompleteTaskCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.Id, ct);
        task.Complete(clock.Today(), clock.GetUtcNow());
        await thread.WriteAsync(task, TaskUpdateKind.Completed, command.Text ?? "Đã hoàn thành.", ct, percent: 100);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

public sealed class CompleteTaskEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tasks/{id:guid}/complete", (Guid id, AcknowledgeTaskBody? body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new CompleteTaskCommand(id, body?.Text), ct))
        .WithTags("Tasks").WithSummary("Mark an own task done")
        .Produces<TaskDetail>().WithCommandProblems();
}
