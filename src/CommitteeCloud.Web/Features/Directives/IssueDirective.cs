using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Directives;

/// <summary>
/// Ban hành: the directive's points go into force and are handed to the recipients, each point to its lead and
/// coordinating units (every recipient leads a point that names none), all in one transaction. Issuing is
/// idempotent: the row is locked first, so a double click or a retried request (same Idempotency-Key, or none)
/// finds it issued and answers with it, creating no second set of hand-offs; another key gets 409.
/// </summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record IssueDirectiveCommand(Guid Id, string? IdempotencyKey = null) : ICommand<DirectiveDetail>;

public sealed class IssueDirectiveValidator : AbstractValidator<IssueDirectiveCommand>
{
    public IssueDirectiveValidator() => RuleFor(x => x.IdempotencyKey).MaximumLength(128);
}

public sealed class IssueDirectiveHandler(AppDbContext db, ITenantContext context, TaskHandOffs handOffs, TimeProvider clock, IMediator mediator)
    : ICommandHandler<IssueDirectiveCommand, DirectiveDetail>
{
    public async ValueTask<DirectiveDetail> Handle(IssueDirectiveCommand command, CancellationToken ct)
    {
        var tenantId = context.Tenant!.Id;
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM directives WHERE tenant_id = {tenantId} AND id = {command.Id} FOR UPDATE", ct);
        var directive = await db.FindDirectiveAsync(command.Id, ct);
        if (directive.Status == DirectiveStatus.Issued)
        {
            if (command.IdempotencyKey is null || command.IdempotencyKey == directive.IssueKey)
                return await mediator.Send(new GetDirectiveQuery(directive.Id), ct);
            throw new ConflictException("Văn bản đã được ban hành bởi một yêu cầu khác.");
        }
        var points = await db.Tasks.Where(t => t.DirectiveId == directive.Id).OrderBy(t => t.PointNumber).ToListAsync(ct);
        if (points.Count == 0) throw new DomainRuleException("points", "Văn bản chưa có nhiệm vụ nào để giao.");
        var now = clock.GetUtcNow();
        directive.MarkIssued(command.IdempotencyKey, context.UserId, clock.Today(), now);

        var recipients = new Dictionary<Guid, TenantInfo>();
        foreach (var id in directive.RecipientTenantIds) recipients[id] = await handOffs.ChildAsync(id, "recipientTenantIds", ct);
        var work = new List<(WorkTask, IReadOnlyList<TaskRecipient>)>();
        foreach (var point in points)
        {
            point.Activate(now);
            var named = point.PlannedLeadTenantIds.Count + point.PlannedCoordinatingTenantIds.Count > 0;
            var lead = named ? point.PlannedLeadTenantIds : directive.RecipientTenantIds;
            var list = lead.Where(recipients.ContainsKey).Select(id => new TaskRecipient(recipients[id], HandoffRole.Lead))
                .Concat(point.PlannedCoordinatingTenantIds.Where(recipients.ContainsKey).Select(id => new TaskRecipient(recipients[id], HandoffRole.Coordinating)))
                .ToList();
            work.Add((point, list));
        }
        await handOffs.HandOffAsync(work, directive, await db.ActorNameAsync(context, ct), ct, informed: [.. recipients.Values]);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetDirectiveQuery(directive.Id), ct);
    }
}

public sealed class IssueDirectiveEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/directives/{id:guid}/issue", (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new IssueDirectiveCommand(id, request.Headers["Idempotency-Key"].FirstOrDefault()), ct))
        .WithTags("Directives").WithSummary("Issue a draft: its tasks go to the recipients in one transaction (idempotent; Idempotency-Key header)")
        .Produces<DirectiveDetail>().WithCommandProblems();
}
