using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Yêu cầu giải trình: a supervisor of a unit above asks a unit below about a late task, seen in the cascade. The
/// request travels to the unit's tenant as an event; the unit answers in its thread and the answer comes back the
/// same way.
/// </summary>
[RequirePermission(Permissions.SubtreeView)]
public sealed record RequestExplanationCommand(Guid TaskId, string Text) : ICommand<CascadeNode>;

public sealed class RequestExplanationValidator : AbstractValidator<RequestExplanationCommand>
{
    public RequestExplanationValidator() =>
        RuleFor(x => x.Text).NotEmpty().WithMessage("Hãy nêu nội dung cần giải trình.").MaximumLength(2000);
}

public sealed class RequestExplanationHandler(AppDbContext db, ITenantContext context, TimeProvider clock)
    : ICommandHandler<RequestExplanationCommand, CascadeNode>
{
    public async ValueTask<CascadeNode> Handle(RequestExplanationCommand command, CancellationToken ct)
    {
        var current = context.Tenant!;
        var node = await db.TaskNodes.InSubtreeOf(current).AsNoTracking()
            .FirstOrDefaultAsync(n => n.TaskId == command.TaskId && n.TenantId != current.Id, ct)
            ?? throw new NotFoundException("task");
        var today = clock.Today();
        if (node.TimelinessOn(today) is not (Timeliness.Overdue or Timeliness.CompletedLate))
            throw new DomainRuleException("taskId", "Chỉ yêu cầu giải trình nhiệm vụ quá hạn hoặc hoàn thành chậm.");
        db.Publish(new ExplanationRequested(node.TenantId, node.TaskId, Guid.CreateVersion7(), current.Id, current.Name,
            context.UserId!.Value, await db.ActorNameAsync(context, ct), command.Text.Trim()));
        return CascadeNode.From(node, current, today);
    }
}

public sealed class RequestExplanationEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/task-nodes/{taskId:guid}/explanation-requests", (Guid taskId, NoteBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new RequestExplanationCommand(taskId, body.Text ?? ""), ct))
        .WithTags("Tasks").WithSummary("Ask a unit below for an explanation of a late task")
        .Produces<CascadeNode>().WithCommandProblems();
}
