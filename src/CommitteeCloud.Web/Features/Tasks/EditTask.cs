using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>Sửa nhiệm vụ: the unit's own open task (a received one is the assigner's to word). Stale edits get 409.</summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record EditTaskCommand(Guid Id, TaskInput Task, uint Version) : ICommand<TaskDetail>;

public sealed class EditTaskValidator : AbstractValidator<EditTaskCommand>
{
    public EditTaskValidator() => RuleFor(x => x.Task).NotNull().SetValidator(new TaskInputValidator());
}

public sealed class EditTaskHandler(AppDbContext db, TimeProvider clock, IMediator mediator) : ICommandHandler<EditTaskCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(EditTaskCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.Id, ct);
        db.ExpectVersion(task, command.Version);
        task.Edit(await command.Task.ToDetailsAsync(db, ct), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

public sealed class EditTaskEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/tasks/{id:guid}", (Guid id, EditTaskBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new EditTaskCommand(id, body.Task!, body.Version), ct))
        .WithTags("Tasks").WithSummary("Edit an own open task (409 when someone changed it since it was read)")
        .Produces<TaskDetail>().WithCommandProblems();
}

public sealed record EditTaskBody(TaskInput? Task, uint Version);
