using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Trao đổi in the thread. An internal note stays in this unit; a comment on a received task also goes up to the
/// assigner.
/// </summary>
[RequirePermission(Permissions.TasksView)]
public sealed record AddTaskNoteCommand(Guid Id, string Text, bool Internal = false, Guid[]? FileIds = null) : ICommand<TaskDetail>;

public sealed class AddTaskNoteValidator : AbstractValidator<AddTaskNoteCommand>
{
    public AddTaskNoteValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Hãy nhập nội dung.").MaximumLength(TaskUpdate.TextMaxLength);
        RuleFor(x => x.FileIds).Must(ids => ids is null || ids.Length <= 20);
    }
}

public sealed class AddTaskNoteHandler(AppDbContext db, ITenantContext context, PermissionService permissions, TaskEvidence evidence,
    TaskThread thread, IMediator mediator) : ICommandHandler<AddTaskNoteCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(AddTaskNoteCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.Id, ct);
        var held = await permissions.GetAsync(context.Tenant!.Id, context.UserId!.Value, ct);
        if (held is null || !(held.Contains(Permissions.TasksReport) || held.Contains(Permissions.TasksManage)))
            throw new ForbiddenException(Permissions.TasksReport);
        var files = await evidence.ResolveAsync(command.FileIds, ct);
        await thread.WriteAsync(task, command.Internal ? TaskUpdateKind.InternalNote : TaskUpdateKind.Comment, command.Text, ct, files: files);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

public sealed class AddTaskNoteEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tasks/{id:guid}/notes", (Guid id, NoteBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new AddTaskNoteCommand(id, body.Text ?? "", body.Internal, body.FileIds), ct))
        .WithTags("Tasks").WithSummary("Add a comment (sent up to the assigner) or an internal note (kept in the unit)")
        .Produces<TaskDetail>().WithCommandProblems();
}

public sealed record NoteBody(string? Text, bool Internal, Guid[]? FileIds);
