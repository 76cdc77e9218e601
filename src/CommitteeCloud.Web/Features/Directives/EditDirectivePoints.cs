using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Directives;

/// <summary>
/// Nhập từng nhiệm vụ of a draft directive: add, change or remove a point with its lead and coordinating units (among
/// the directive's recipients; none named means every recipient leads it) and deadline.
/// </summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record SaveDirectivePointCommand(Guid DirectiveId, Guid? TaskId, TaskInput Task, uint? Version = null) : ICommand<DirectiveDetail>;

public sealed class SaveDirectivePointValidator : AbstractValidator<SaveDirectivePointCommand>
{
    public SaveDirectivePointValidator() => RuleFor(x => x.Task).NotNull().SetValidator(new TaskInputValidator());
}

public sealed class SaveDirectivePointHandler(AppDbContext db, TimeProvider clock, IMediator mediator)
    : ICommandHandler<SaveDirectivePointCommand, DirectiveDetail>
{
    public async ValueTask<DirectiveDetail> Handle(SaveDirectivePointCommand command, CancellationToken ct)
    {
        var directive = await db.FindDirectiveAsync(command.DirectiveId, ct);
        if (directive.Status != DirectiveStatus.Draft) throw new DomainRuleException("status", "Chỉ sửa nhiệm vụ khi văn bản đang dự thảo.");
        var input = command.Task;
        foreach (var id in (input.LeadTenantIds ?? []).Concat(input.CoordinatingTenantIds ?? []))
            if (!directive.RecipientTenantIds.Contains(id))
                throw new DomainRuleException("task.leadTenantIds", "Đơn vị chủ trì, phối hợp phải nằm trong nơi nhận của văn bản.");
        var details = await input.ToDetailsAsync(db, ct);
        var now = clock.GetUtcNow();
        WorkTask task;
        if (command.TaskId is { } taskId)
        {
            task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId && t.DirectiveId == directive.Id, ct) ?? throw new NotFoundException("task");
            db.ExpectVersion(task, command.Version);
            task.Edit(details, now);
        }
        else
        {
            var number = input.PointNumber ?? (await db.Tasks.Where(t => t.DirectiveId == directive.Id).MaxAsync(t => t.PointNumber, ct) ?? 0) + 1;
            task = new WorkTask(details, TaskOrigin.Directive, directive.Id, number, draft: true, now);
            db.Tasks.Add(task);
        }
        task.PlanRecipients(input.LeadTenantIds ?? [], input.CoordinatingTenantIds ?? []);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetDirectiveQuery(directive.Id), ct);
    }
}

[RequirePermission(Permissions.TasksManage)]
public sealed record RemoveDirectivePointCommand(Guid DirectiveId, Guid TaskId) : ICommand<DirectiveDetail>;

public sealed class RemoveDirectivePointHandler(AppDbContext db, IMediator mediator) : ICommandHandler<RemoveDirectivePointCommand, DirectiveDetail>
{
    public async ValueTask<DirectiveDetail> Handle(RemoveDirectivePointCommand command, CancellationToken ct)
    {
        var directive = await db.FindDirectiveAsync(command.DirectiveId, ct);
        if (directive.Status != DirectiveStatus.Draft) throw new DomainRuleException("status", "Chỉ xóa nhiệm vụ khi văn bản đang dự thảo.");
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == command.TaskId && t.DirectiveId == directive.Id, ct) ?? throw new NotFoundException("task");
        db.Tasks.Remove(task);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetDirectiveQuery(directive.Id), ct);
    }
}

public sealed class DirectivePointEndpoints : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/directives/{id:guid}/points", (Guid id, TaskInput task, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SaveDirectivePointCommand(id, null, task), ct))
            .WithTags("Directives").WithSummary("Add a point (task) to a draft directive")
            .Produces<DirectiveDetail>().WithCommandProblems();
        api.MapPut("/directives/{id:guid}/points/{taskId:guid}", (Guid id, Guid taskId, EditTaskBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SaveDirectivePointCommand(id, taskId, body.Task!, body.Version), ct))
            .WithTags("Directives").WithSummary("Change a point of a draft directive (409 on a stale version)")
            .Produces<DirectiveDetail>().WithCommandProblems();
        api.MapDelete("/directives/{id:guid}/points/{taskId:guid}", (Guid id, Guid taskId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RemoveDirectivePointCommand(id, taskId), ct))
            .WithTags("Directives").WithSummary("Remove a point of a draft directive")
            .Produces<DirectiveDetail>().WithCommandProblems();
    }
}
