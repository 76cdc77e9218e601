using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Cập nhật tiến độ: what was done, how far (percent), with evidence; for a recurring task, the period it reports.
/// A received task's update goes up to the assigner; an own task's stays in the unit.
/// </summary>
[RequirePermission(Permissions.TasksView)]
public sealed record ReportProgressCommand(Guid Id, string Text, decimal? Percent = null, string? PeriodLabel = null, Guid[]? FileIds = null)
    : ICommand<TaskDetail>;

public sealed class ReportProgressValidator : AbstractValidator<ReportProgressCommand>
{
    public ReportProgressValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Hãy nhập nội dung tiến độ.").MaximumLength(TaskUpdate.TextMaxLength);
        RuleFor(x => x.Percent).InclusiveBetween(0, 100).WithMessage("Tỷ lệ hoàn thành từ 0 đến 100%.");
        RuleFor(x => x.PeriodLabel).MaximumLength(64);
        RuleFor(x => x.FileIds).Must(ids => ids is null || ids.Length <= 20).WithMessage("Tối đa 20 tệp mỗi lần cập nhật.");
    }
}

public sealed class ReportProgressHandler(AppDbContext db, ITenantContext context, PermissionService permissions, TaskEvidence evidence,
    TaskThread thread, TimeProvider clock, IMediator mediator) : ICommandHandler<ReportProgressCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(ReportProgressCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.Id, ct);
        var held = await permissions.GetAsync(context.Tenant!.Id, context.UserId!.Value, ct);
        var needed = task.IsReceived ? Permissions.TasksReport : Permissions.TasksManage;
        if (held is null || !held.Contains(needed)) throw new ForbiddenException(needed);

        DateOnly? periodEnd = null;
        if (command.PeriodLabel is { Length: > 0 } label)
        {
            var period = (task.Deadline as Deadline.Recurring)?.Periods().FirstOrDefault(p => p.Label == label)
                ?? throw new DomainRuleException("periodLabel", "Kỳ báo cáo không thuộc nhiệm vụ này.");
            periodEnd = period.End;
        }
        var files = await evidence.ResolveAsync(command.FileIds, ct);
        task.RecordProgress(command.Percent, periodEnd, clock.GetUtcNow());
        await thread.WriteAsync(task, TaskUpdateKind.Progress, command.Text, ct, command.Percent, command.PeriodLabel, files);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

public sealed class ReportProgressEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tasks/{id:guid}/progress", (Guid id, ProgressBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ReportProgressCommand(id, body.Text ?? "", body.Percent, body.PeriodLabel, body.FileIds), ct))
        .WithTags("Tasks").WithSummary("Report progress (text, percent, period, evidence files)")
        .Produces<TaskDetail>().WithCommandProblems();
}

public sealed record ProgressBody(string? Text, decimal? Percent, string? PeriodLabel, Guid[]? FileIds);
