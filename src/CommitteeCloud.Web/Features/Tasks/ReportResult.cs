using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>Báo cáo kết quả: the unit reports the task done, with evidence; the assigner then accepts or returns it.</summary>
[RequirePermission(Permissions.TasksReport)]
public sealed record ReportResultCommand(Guid Id, string Text, Guid[]? FileIds = null) : ICommand<TaskDetail>;

public sealed class ReportResultValidator : AbstractValidator<ReportResultCommand>
{
    public ReportResultValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Hãy nhập nội dung báo cáo kết quả.").MaximumLength(TaskUpdate.TextMaxLength);
        RuleFor(x => x.FileIds).Must(ids => ids is null || ids.Length <= 20).WithMessage("Tối đa 20 tệp mỗi lần báo cáo.");
    }
}

public sealed class ReportResultHandler(AppDbContext db, TaskEvidence evidence, TaskThread thread, TimeProvider clock, IMediator mediator)
    : ICommandHandler<ReportResultCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(ReportResultCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.Id, ct);
        if (!task.IsReceived) throw new DomainRuleException("id", "Nhiệm vụ của đơn vị thì đánh dấu hoàn thành, không báo cáo lên.");
        var files = await evidence.ResolveAsync(command.FileIds, ct);
        var now = clock.GetUtcNow();
        // Reporting straight after acknowledging is common for small tasks: the unit was working on it.
        if (task.State == TaskState.Acknowledged) task.Move(TaskState.InProgress, TaskSide.Receiver, now, clock.Today());
        task.Move(TaskState.ResultReported, TaskSide.Receiver, now, clock.Today());
        await thread.WriteAsync(task, TaskUpdateKind.ResultReported, command.Text, ct, files: files);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

public sealed class ReportResultEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tasks/{id:guid}/result", (Guid id, ResultBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ReportResultCommand(id, body.Text ?? "", body.FileIds), ct))
        .WithTags("Tasks").WithSummary("Report the result of a received task for the assigner to accept or return")
        .Produces<TaskDetail>().WithCommandProblems();
}

public sealed record ResultBody(string? Text, Guid[]? FileIds);
