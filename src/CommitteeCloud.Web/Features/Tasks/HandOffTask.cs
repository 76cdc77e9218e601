using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Giao tiếp / phân chia: hands a task (the unit's own, or one it received) to some of its direct child units, as
/// lead or coordinating units. Units that already have it are skipped.
/// </summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record HandOffTaskCommand(Guid Id, Guid[] LeadTenantIds, Guid[]? CoordinatingTenantIds = null) : ICommand<TaskDetail>;

public sealed class HandOffTaskValidator : AbstractValidator<HandOffTaskCommand>
{
    public HandOffTaskValidator()
    {
        RuleFor(x => x.LeadTenantIds).Must((x, lead) => lead.Length + (x.CoordinatingTenantIds?.Length ?? 0) > 0)
            .WithMessage("Hãy chọn ít nhất một đơn vị.");
        RuleFor(x => x.LeadTenantIds).Must((x, lead) => lead.Length + (x.CoordinatingTenantIds?.Length ?? 0) <= 500)
            .WithMessage("Tối đa 500 đơn vị mỗi lần giao.");
    }
}

public sealed class HandOffTaskHandler(AppDbContext db, ITenantContext context, TaskHandOffs handOffs, TaskRollUp rollUp, TimeProvider clock, IMediator mediator)
    : ICommandHandler<HandOffTaskCommand, TaskDetail>
{
    public async ValueTask<TaskDetail> Handle(HandOffTaskCommand command, CancellationToken ct)
    {
        var task = await db.FindTaskAsync(command.Id, ct);
        var recipients = new List<TaskRecipient>();
        foreach (var id in command.LeadTenantIds.Distinct())
            recipients.Add(new(await handOffs.ChildAsync(id, "leadTenantIds", ct), HandoffRole.Lead));
        foreach (var id in (command.CoordinatingTenantIds ?? []).Distinct().Except(command.LeadTenantIds))
            recipients.Add(new(await handOffs.ChildAsync(id, "coordinatingTenantIds", ct), HandoffRole.Coordinating));
        await handOffs.HandOffAsync([(task, recipients)], null, await db.ActorNameAsync(context, ct), ct);
        // A received task being split is now being worked on.
        if (task.IsReceived && task.State is TaskState.Assigned or TaskState.Acknowledged)
        {
            if (task.State == TaskState.Assigned) task.Move(TaskState.Acknowledged, TaskSide.Receiver, clock.GetUtcNow(), clock.Today());
            task.RecordProgress(null, null, clock.GetUtcNow());
            task.ReportToAssigner(null);
        }
        await db.SaveChangesAsync(ct);
        await rollUp.RecomputeAsync(task, ct);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetTaskQuery(task.Id), ct);
    }
}

public sealed class HandOffTaskEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tasks/{id:guid}/handoffs", (Guid id, HandOffBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new HandOffTaskCommand(id, body.LeadTenantIds ?? [], body.CoordinatingTenantIds), ct))
        .WithTags("Tasks").WithSummary("Hand a task (own or received) to direct child units, as lead or coordinating units")
        .Produces<TaskDetail>().WithCommandProblems();
}

public sealed record HandOffBody(Guid[]? LeadTenantIds, Guid[]? CoordinatingTenantIds);
