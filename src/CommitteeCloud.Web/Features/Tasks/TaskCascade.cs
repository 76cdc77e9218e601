using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Sơ đồ thực hiện: the task's tree across units from this unit down, each unit with its state, percent and
/// timeliness, read from the cascade read model (the units' own events). Nothing above or beside this unit shows.
/// </summary>
[RequirePermission(Permissions.TasksView)]
public sealed record TaskCascadeQuery(Guid Id) : IQuery<TaskCascade>;

public sealed record CascadeNode(
    Guid TaskId, Guid? ParentTaskId, Guid TenantId, string UnitCode, string UnitName, int Depth, string Title, TaskState State,
    decimal Percent, DateOnly? Deadline, DateOnly? CompletedOn, Timeliness Timeliness, bool ExplanationPending, string? LastExplanation,
    DateTimeOffset UpdatedAt)
{
    public static CascadeNode From(TaskNode n, TenantInfo viewer, DateOnly today) => new(n.TaskId, n.ParentTaskId, n.TenantId, n.UnitCode,
        n.UnitName, n.Path.Count(c => c == '.') - viewer.Path.Count(c => c == '.'), n.Title, n.State, n.Percent, n.Deadline, n.CompletedOn,
        n.TimelinessOn(today), n.ExplanationPending, n.LastExplanation, n.UpdatedAt);
}

public sealed record TaskCascade(Guid RootTaskId, TimelinessCounts Counts, IReadOnlyList<CascadeNode> Nodes);

public sealed class TaskCascadeHandler(AppDbContext db, ITenantContext context, TimeProvider clock) : IQueryHandler<TaskCascadeQuery, TaskCascade>
{
    public async ValueTask<TaskCascade> Handle(TaskCascadeQuery query, CancellationToken ct)
    {
        var current = context.Tenant!;
        var task = await db.Tasks.AsNoTracking().Where(t => t.Id == query.Id).Select(t => new { t.Id, t.RootTaskId, t.Level })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("task");
        var today = clock.Today();
        var nodes = await db.TaskNodes.InSubtreeOf(current).AsNoTracking()
            .Where(n => n.RootTaskId == task.RootTaskId && n.Level >= task.Level)
            .OrderBy(n => n.Level).ThenBy(n => n.UnitName)
            .ToListAsync(ct);
        // Only this task's own branch: from its row down (a unit may hold other rows of the same root, e.g. as a coordinator).
        var inBranch = new HashSet<Guid> { task.Id };
        var ordered = new List<TaskNode>();
        foreach (var node in nodes)
        {
            if (node.TaskId == task.Id || (node.ParentTaskId is { } parent && inBranch.Contains(parent)))
            {
                inBranch.Add(node.TaskId);
                ordered.Add(node);
            }
        }
        var list = ordered.Select(n => CascadeNode.From(n, current, today)).ToList();
        return new TaskCascade(task.RootTaskId, TimelinessCounts.Of(list.Where(n => n.TaskId != task.Id).Select(n => n.Timeliness)), list);
    }
}

public static class TaskNodeQueries
{
    /// <summary>The explicit subtree condition, on top of the subtree row-level security.</summary>
    public static IQueryable<TaskNode> InSubtreeOf(this DbSet<TaskNode> nodes, TenantInfo tenant) =>
        nodes.FromSqlInterpolated($"SELECT * FROM task_nodes WHERE path <@ {tenant.Path}::ltree");
}

public sealed class TaskCascadeEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tasks/{id:guid}/cascade", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new TaskCascadeQuery(id), ct))
        .WithTags("Tasks").WithSummary("The task's tree across the units below, each with state, percent and timeliness")
        .Produces<TaskCascade>().WithTenantProblems();
}
