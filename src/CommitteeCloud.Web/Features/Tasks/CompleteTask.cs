using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>Hoàn thành: the unit closes a task of its own that it carried out itself.</summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record CompleteTaskCommand(Guid Id, string? Text = null) : ICommand<TaskDetail>;

public sealed class CompleteTaskHandler(AppDbContext db, ITenantContext context, TimeProvider clock, IMediator mediator)
    : ICommandHandler<CompleteTaskCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(CompleteTaskCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.Id, ct);
        var now = clock.GetUtcNow();
        task.Complete(clock.Today(), now);
        db.TaskUpdates.Add(new TaskUpdate(task.Id, null, TaskUpdateKind.Completed, command.Text ?? "Đã hoàn thành.", 100, null, [],
            context.UserId, await db.ActorNameAsync(context, ct), context.Tenant!.Name, now));
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
