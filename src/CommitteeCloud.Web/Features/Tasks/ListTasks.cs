using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

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

public sealed class ListTasksHandler(AppDbContext db, ITenantContext context, TimeProvider clock, TaskListCache cache) : IQueryHandler<ListTasksQuery, TaskList>
{
    public async ValueTask<TaskList> Handle(ListTasksQuery query, CancellationToken ct)
    {
        var today = clock.Today();
        var tasks = db.Tasks.AsNoTracking().Where(t => t.State != TaskState.Draft);
        Guid? mine = null;
        switch (query.Scope)
        {
            case TaskScope.Mine:
                var userId = context.UserId!.Value;
                mine = await db.Memberships.Where(m => m.UserId == userId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
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
        var searched = !string.IsNullOrWhiteSpace(query.Search);
        if (searched)
        {
            var pattern = Queries.ContainsPattern(query.Search!);
            tasks = tasks.Where(t => EF.Functions.ILike(EF.Functions.Unaccent(t.Title), EF.Functions.Unaccent(pattern)));
        }
        // Timeliness depends on today: computed in SQL (the same rule as TaskTimeliness.OfTask), so that the order is
        // decided by the database on the inbox index's columns alone (an index-only scan over the unit's tasks).
        var soon = today.AddDays(TaskTimeliness.DueSoonDays);
        var measured = tasks.Select(t => new
        {
            Task = t,
            Timeliness =
                t.State == TaskState.Draft || t.State == TaskState.Paused || t.State == TaskState.Rejected || t.State == TaskState.Cancelled
                    ? Timeliness.NoDeadline
                : t.State == TaskState.Accepted
                    ? (t.CurrentDeadline != null && (t.CompletedOn ?? today) > t.CurrentDeadline ? Timeliness.CompletedLate : Timeliness.CompletedOnTime)
                : t.CurrentDeadline == null ? Timeliness.NoDeadline
                : t.CurrentDeadline < today ? Timeliness.Overdue
                : t.CurrentDeadline <= soon ? Timeliness.DueSoon
                : Timeliness.OnTime,
        });

        // Most urgent first: overdue, due soon, on time; then the highest priority and the nearest deadline; finished
        // work last. The whole selection's ids and timeliness give the counts and any page; they are cached until a
        // task of the unit changes (a search is not: it is rarer and its patterns are many).
        async Task<TaskListCache.Selection> ReadSelection()
        {
            var ordered = await measured
                .OrderBy(m => m.Timeliness == Timeliness.Overdue ? 0 : m.Timeliness == Timeliness.DueSoon ? 1 : m.Timeliness == Timeliness.OnTime ? 2
                    : m.Timeliness == Timeliness.NoDeadline ? 3 : 4)
                .ThenByDescending(m => m.Task.Priority == TaskPriority.Urgent ? 2 : m.Task.Priority == TaskPriority.High ? 1 : 0)
                .ThenBy(m => m.Task.CurrentDeadline == null ? 1 : 0).ThenBy(m => m.Task.CurrentDeadline)
                .ThenByDescending(m => m.Task.UpdatedAt).ThenBy(m => m.Task.Id)
                .Select(m => new { m.Task.Id, m.Timeliness })
                .ToListAsync(ct);
            return new([.. ordered.Select(o => o.Id)], [.. ordered.Select(o => o.Timeliness)]);
        }
        if (searched) return await PageOf(await ReadSelection());
        var version = await db.TaskListVersions.Select(v => v.Version).FirstOrDefaultAsync(ct);
        var key = new TaskListCache.Key(context.Tenant!.Id, version, today, query.Scope, mine, query.State, query.DirectiveId);
        return await cache.GetOrAddPageAsync(new(key, query.Timeliness, query.Page, query.PageSize),
            async () => await PageOf(await cache.GetOrAddAsync(key, ReadSelection)));

        async Task<TaskList> PageOf(TaskListCache.Selection selection)
        {
            var counts = TimelinessCounts.Of(selection.Timeliness);
            var picked = Enumerable.Range(0, selection.Ids.Length);
            if (query.Timeliness is { } wanted) picked = picked.Where(i => selection.Timeliness[i] == wanted);
            var positions = picked.ToList();
            var ids = positions.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(i => selection.Ids[i]).ToList();
            var rows = await measured.Where(m => ids.Contains(m.Task.Id))
                .Select(m => new TaskListItem(m.Task.Id, m.Task.Title, m.Task.PointNumber, m.Task.Origin, m.Task.State, m.Task.Percent,
                    m.Task.Priority, m.Task.DeadlineKind, m.Task.CurrentDeadline, m.Task.CompletedOn, m.Timeliness, m.Task.LeaderName,
                    m.Task.OfficerName, m.Task.ParentTenantName, m.Task.RoleInParent, db.TaskHandoffs.Count(h => h.TaskId == m.Task.Id),
                    m.Task.ExplanationPending, m.Task.UpdatedAt))
                .ToDictionaryAsync(i => i.Id, ct);
            // A task that left the selection between the two reads (cancelled meanwhile) is simply not on this page.
            var page = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
            return new TaskList(counts, positions.Count, page);
        }
    }
}

public sealed class ListTasksEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tasks", async (IMediator mediator, IOptions<JsonOptions> json, CancellationToken ct, TaskScope? scope, Timeliness? timeliness,
                TaskState? state, string? search, Guid? directive, int? page, int? pageSize) =>
            CachedJson.Of(await mediator.Send(new ListTasksQuery(scope ?? TaskScope.Unit, timeliness, state, search, directive, page ?? 1, pageSize ?? 50), ct),
                json.Value.SerializerOptions))
        .WithTags("Tasks").WithSummary("The unit's tasks (or the caller's, received, assigned) with timeliness counts, most urgent first")
        .Produces<TaskList>().WithTenantProblems();
}
