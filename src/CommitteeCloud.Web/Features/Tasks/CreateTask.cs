using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>Giao nhiệm vụ trực tiếp: a task of the unit's own (ad hoc, from a plan or a dialogue), optionally handed down at once.</summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record CreateTaskCommand(TaskInput Task, TaskOrigin Origin = TaskOrigin.AdHoc) : ICommand<TaskDetail>;

public sealed class CreateTaskValidator : AbstractValidator<CreateTaskCommand>
{
    public CreateTaskValidator()
    {
        RuleFor(x => x.Task).NotNull().SetValidator(new TaskInputValidator());
        RuleFor(x => x.Origin).IsInEnum().NotEqual(TaskOrigin.Directive).WithMessage("Nhiệm vụ theo văn bản được tạo trong văn bản.");
    }
}

public sealed class CreateTaskHandler(AppDbContext db, ITenantContext context, TaskHandOffs handOffs, TimeProvider clock, IMediator mediator)
    : ICommandHandler<CreateTaskCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(CreateTaskCommand command, CancellationToken ct)
    {
        var input = command.Task;
        var now = clock.GetUtcNow();
        var task = new WorkTask(await input.ToDetailsAsync(db, ct), command.Origin, null, input.PointNumber, draft: false, now);
        db.Tasks.Add(task);
        var actor = await db.ActorNameAsync(context, ct);
        db.TaskUpdates.Add(new TaskUpdate(task.Id, null, TaskUpdateKind.Created, "Tạo nhiệm vụ.", null, null, [], context.UserId, actor, context.Tenant!.Name, now));
        var recipients = new List<TaskRecipient>();
        foreach (var id in (input.LeadTenantIds ?? []).Distinct())
            recipients.Add(new(await handOffs.ChildAsync(id, "task.leadTenantIds", ct), HandoffRole.Lead));
        foreach (var id in (input.CoordinatingTenantIds ?? []).Distinct().Except(input.LeadTenantIds ?? []))
            recipients.Add(new(await handOffs.ChildAsync(id, "task.coordinatingTenantIds", ct), HandoffRole.Coordinating));
        if (recipients.Count > 0) await handOffs.HandOffAsync([(task, recipients)], null, actor, ct);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

public sealed class CreateTaskEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tasks", async (CreateTaskCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var task = await mediator.Send(command, ct);
            return Results.Created($"/api/tasks/{task.Id}", task);
        })
        .WithTags("Tasks").WithSummary("Create a task of the unit's own, optionally handing it to child units at once")
        .Produces<TaskDetail>(StatusCodes.Status201Created).WithCommandProblems();
}
