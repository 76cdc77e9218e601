using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>Which tasks a list shows.</summary>
public enum TaskScope
{
    /// <summary>Việc của đơn vị: every task the unit holds (drafts excepted).</summary>
    Unit,
    /// <summary>Việc của tôi: the caller is the task's leader in charge or its officer.</summary>
    Mine,
    /// <summary>Việc được giao: handed down to this unit.</summary>
    Received,
    /// <summary>Việc đã giao: this unit's own tasks handed to units below.</summary>
    Assigned,
}

/// <summary>
/// Danh sách nhiệm vụ with the timeliness counts of the whole selection (before the timeliness filter and paging),
/// timeliness computed at read time for today.
/// </summary>
[RequirePermission(Permissions.TasksView)]
public sealed record ListTasksQuery(
    TaskScope Scope = TaskScope.Unit, Timeliness? Timeliness = null, TaskState? State = null, string? Search = null,
    Guid? DirectiveId = null, int Page = 1, int PageSize = 50) : IQuery<TaskList>;

public sealed record TaskList(TimelinessCounts Counts, int Total, IReadOnlyList<TaskListItem> Items);

public sealed class ListTasksValidator : AbstractValidator<ListTasksQuery>
{
    public ListTasksValidator()
    {
        RuleFor(x => x.Scope).IsInEnum();
        RuleFor(x => x.Search).MaximumLength(100);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200);
    }
}

public sealed class ListTasksHandler(AppDbContext db, ITenantContext context, TimeProvider clock) : IQueryHandler<ListTasksQuery, TaskList>
{
    public async ValueTask<TaskList> Handle(ListTasksQuery query, CancellationToken ct)
    {
        var today = clock.Today();
        var tasks = db.Tasks.AsNoTracking().Where(t => t.State != TaskState.Draft);
        switch (query.Scope)
        {
            case TaskScope.Mine:
                var userId = context.UserId!.Value;
                var mine = await db.Memberships.Where(m => m.UserId == userId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
                tasks = tasks.Where(t => t.LeaderMembershipId == mine || t.OfficerMembershipId == mine);
                break;
            case TaskScope.Received:
                tasks = tasks.Where(t => t.ParentTaskId != null);
                break;
            case TaskScope.Assigned:
                tasks = tasks.Where(t => db.TaskHandoffs.Any(h => h.TaskId == t.Id));
                break;
        }
        if (query.State is { } state) tasks = tasks.Where(t => t.State == state);
        if (query.DirectiveId is { } directive) tasks = tasks.Where(t => t.DirectiveId == directive);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + query.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            tasks = tasks.Where(t => EF.Functions.ILike(EF.Functions.Unaccent(t.Title), EF.Functions.Unaccent(pattern)));
        }
        // Timeliness depends on today: read the few columns it needs for the whole selection, count, then page.
        var rows = await tasks.Select(t => new { t.Id, t.State, t.CurrentDeadline, t.CompletedOn, t.Priority, t.UpdatedAt }).ToListAsync(ct);
        var measured = rows.Select(r => (r.Id, r.Priority, r.UpdatedAt, r.CurrentDeadline, Timeliness: TaskTimeliness.OfTask(r.State, r.CurrentDeadline, r.CompletedOn, today))).ToList();
        var counts = TimelinessCounts.Of(measured.Select(m => m.Timeliness));
        var selected = query.Timeliness is { } wanted ? measured.Where(m => m.Timeliness == wanted).ToList() : measured;
        // Most urgent first: overdue, due soon, on time; then the nearest deadline; finished work last.
        var pageIds = selected
            .OrderBy(m => Urgency(m.Timeliness)).ThenByDescending(m => m.Priority).ThenBy(m => m.CurrentDeadline ?? DateOnly.MaxValue)
            .ThenByDescending(m => m.UpdatedAt)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(m => m.Id).ToList();
        var page = await db.Tasks.AsNoTracking().Where(t => pageIds.Contains(t.Id))
            .Select(t => new
            {
                Task = t,
                Handoffs = db.TaskHandoffs.Count(h => h.TaskId == t.Id),
            })
            .ToListAsync(ct);
        var byId = page.ToDictionary(p => p.Task.Id);
        var items = pageIds.Select(id => byId[id]).Select(p => new TaskListItem(p.Task.Id, p.Task.Title, p.Task.PointNumber, p.Task.Origin,
            p.Task.State, p.Task.Percent, p.Task.Priority, p.Task.DeadlineKind, p.Task.CurrentDeadline, p.Task.CompletedOn,
            p.Task.TimelinessOn(today), p.Task.LeaderName, p.Task.OfficerName, p.Task.ParentTenantName, p.Task.RoleInParent, p.Handoffs,
            p.Task.ExplanationPending, p.Task.UpdatedAt)).ToList();
        return new TaskList(counts, selected.Count, items);
    }

    private static int Urgency(Timeliness t) => t switch
    {
        Timeliness.Overdue => 0,
        Timeliness.DueSoon => 1,
        Timeliness.OnTime => 2,
        Timeliness.NoDeadline => 3,
        _ => 4,
    };
}

public sealed class ListTasksEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tasks", (IMediator mediator, CancellationToken ct, TaskScope? scope, Timeliness? timeliness, TaskState? state, string? search,
                Guid? directive, int? page, int? pageSize) =>
            mediator.Send(new ListTasksQuery(scope ?? TaskScope.Unit, timeliness, state, search, directive, page ?? 1, pageSize ?? 50), ct))
        .WithTags("Tasks").WithSummary("The unit's tasks (or the caller's, received, assigned) with timeliness counts, most urgent first")
        .Produces<TaskList>().WithTenantProblems();
}
