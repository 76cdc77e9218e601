using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>Giải trình: the unit answers a supervisor's request in the task's thread; the answer goes back to whoever asked.</summary>
[RequirePermission(Permissions.TasksReport)]
public sealed record AnswerExplanationCommand(Guid Id, string Text) : ICommand<TaskDetail>;

public sealed class AnswerExplanationValidator : AbstractValidator<AnswerExplanationCommand>
{
    public AnswerExplanationValidator() =>
        RuleFor(x => x.Text).NotEmpty().WithMessage("Hãy nhập nội dung giải trình.").MaximumLength(2000);
}

public sealed class AnswerExplanationHandler(AppDbContext db, ITenantContext context, TaskThread thread, TimeProvider clock, IMediator mediator)
    : ICommandHandler<AnswerExplanationCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(AnswerExplanationCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.Id, ct);
        task.AnswerExplanation(command.Text.Trim(), context.Tenant!.Name, await db.ActorNameAsync(context, ct), clock.GetUtcNow());
        await thread.WriteAsync(task, TaskUpdateKind.Explanation, command.Text, ct);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

public sealed class AnswerExplanationEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tasks/{id:guid}/explanation", (Guid id, NoteBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new AnswerExplanationCommand(id, body.Text ?? ""), ct))
        .WithTags("Tasks").WithSummary("Answer a supervisor's request for an explanation")
        .Produces<TaskDetail>().WithCommandProblems();
}
