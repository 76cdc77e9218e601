using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Directives;

/// <summary>
/// Tách nhiệm vụ từ nội dung: turns the draft's numbered points into draft tasks (points already entered are
/// kept, by number), for the officer to complete with lead units and deadlines.
/// </summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record SplitDirectivePointsCommand(Guid Id) : ICommand<DirectiveDetail>;

public sealed class SplitDirectivePointsHandler(AppDbContext db, TimeProvider clock, IMediator mediator)
    : ICommandHandler<SplitDirectivePointsCommand, DirectiveDetail>
{
    public async ValueTask<DirectiveDetail> Handle(SplitDirectivePointsCommand command, CancellationToken ct)
    {
        var directive = await db.FindDirectiveAsync(command.Id, ct);
        if (directive.Status != DirectiveStatus.Draft)
            throw new Domain.Common.DomainRuleException("status", "Chỉ tách nhiệm vụ khi văn bản đang dự thảo.");
        var existing = await db.Tasks.Where(t => t.DirectiveId == directive.Id && t.PointNumber != null).Select(t => t.PointNumber!.Value).ToListAsync(ct);
        if (AddPoints(db, directive, existing, clock.GetUtcNow()) == 0)
            throw new Domain.Common.DomainRuleException("body", "Không tìm thấy điểm đánh số mới (1., 2., ...) trong nội dung văn bản.");
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetDirectiveQuery(directive.Id), ct);
    }

    public static int AddPoints(AppDbContext db, Directive directive, IReadOnlyCollection<int> existing, DateTimeOffset now)
    {
        var added = 0;
        foreach (var point in DirectivePoints.Split(directive.Body).Where(p => !existing.Contains(p.Number)))
        {
            var details = new TaskDetails(point.Title, point.Content, null, [], null, null, null, null, DeadlineKind.None, null, null, null, null,
                [], TaskPriority.Normal, []);
            db.Tasks.Add(new WorkTask(details, TaskOrigin.Directive, directive.Id, point.Number, draft: true, now));
            added++;
        }
        return added;
    }
}

public sealed class SplitDirectivePointsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/directives/{id:guid}/split-points", (Guid id, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new SplitDirectivePointsCommand(id), ct))
        .WithTags("Directives").WithSummary("Turn the draft's numbered points into draft tasks")
        .Produces<DirectiveDetail>().WithCommandProblems();
}
