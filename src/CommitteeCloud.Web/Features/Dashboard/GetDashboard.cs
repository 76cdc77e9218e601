using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Supervision;
using CommitteeCloud.Web.Platform;

namespace CommitteeCloud.Web.Features.Dashboard;

/// <summary>
/// Bảng điều hành: every unit of the caller's subtree with its tasks by timeliness, reports, leader assignment,
/// yearly dialogue, registrations and latest result, for a year (default this year), optionally one kind of unit.
/// </summary>
[RequirePermission(Permissions.SubtreeView)]
public sealed record DashboardQuery(int? Year = null, TenantKind? UnitKind = null) : IQuery<DashboardView>;

/// <summary>The rows of some units only: what a live dashboard fetches when told that these units changed.</summary>
[RequirePermission(Permissions.SubtreeView)]
public sealed record DashboardUnitsQuery(IReadOnlyList<Guid> Ids, int? Year = null) : IQuery<IReadOnlyList<DashboardUnit>>;

/// <summary>Drill-down to one unit of the subtree (or the caller's own): its row, its children, its tasks needing attention.</summary>
[RequirePermission(Permissions.SubtreeView)]
public sealed record DashboardUnitQuery(string Code, int? Year = null) : IQuery<DashboardUnitDetail>;

public sealed class DashboardQueryValidator : AbstractValidator<DashboardQuery>
{
    public DashboardQueryValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm phải từ 2000 đến 2100.");
        RuleFor(x => x.UnitKind).IsInEnum().WithMessage("Loại đơn vị không hợp lệ.");
    }
}

public sealed class DashboardUnitsQueryValidator : AbstractValidator<DashboardUnitsQuery>
{
    public const int MaxIds = 200;

    public DashboardUnitsQueryValidator()
    {
        RuleFor(x => x.Ids).NotEmpty().WithMessage("Hãy chọn ít nhất một đơn vị.")
            .Must(ids => ids.Count <= MaxIds).WithMessage($"Tối đa {MaxIds} đơn vị một lần.");
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm phải từ 2000 đến 2100.");
    }
}

public sealed class DashboardUnitQueryValidator : AbstractValidator<DashboardUnitQuery>
{
    public DashboardUnitQueryValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Hãy chọn đơn vị.").MaximumLength(Tenant.CodeMaxLength);
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm phải từ 2000 đến 2100.");
    }
}

public sealed class DashboardQueryHandler(AppDbContext db, DashboardReader reader, ITenantContext context, TimeProvider clock)
    : IQueryHandler<DashboardQuery, DashboardView>, IQueryHandler<DashboardUnitsQuery, IReadOnlyList<DashboardUnit>>,
      IQueryHandler<DashboardUnitQuery, DashboardUnitDetail>
{
    public async ValueTask<DashboardView> Handle(DashboardQuery query, CancellationToken ct)
    {
        var today = clock.Today();
        var year = query.Year ?? today.Year;
        var rows = await reader.RowsAsync(context.Tenant!, year, today,
            units => query.UnitKind is { } kind ? units.Where(s => s.Kind == kind) : units, only: null, ct);
        return new DashboardView(year, today, DashboardTotals.Of(rows), rows);
    }

    public async ValueTask<IReadOnlyList<DashboardUnit>> Handle(DashboardUnitsQuery query, CancellationToken ct)
    {
        var today = clock.Today();
        // Ids outside the subtree are simply not found: the answer says nothing about them.
        return await reader.RowsAsync(context.Tenant!, query.Year ?? today.Year, today, units => units, [.. query.Ids.Distinct()], ct);
    }

    public async ValueTask<DashboardUnitDetail> Handle(DashboardUnitQuery query, CancellationToken ct)
    {
        var today = clock.Today();
        var year = query.Year ?? today.Year;
        var unit = await db.FindSelfOrDescendantAsync(context, query.Code, "code", ct);
        var rows = await reader.RowsAsync(context.Tenant!, year, today,
            units => units.Where(s => s.TenantId == unit.Id || s.ParentId == unit.Id), only: null, ct);
        var row = rows.FirstOrDefault(r => r.TenantId == unit.Id) ?? throw new NotFoundException("code");

        // Open work first: the cascade read model holds every task of the unit, readable from above.
        var open = await db.TaskNodes.AsNoTracking()
            .Where(n => n.TenantId == unit.Id && n.State != TaskState.Draft && n.State != TaskState.Accepted
                        && n.State != TaskState.Rejected && n.State != TaskState.Cancelled)
            .OrderBy(n => n.Deadline == null).ThenBy(n => n.Deadline).ThenBy(n => n.Title)
            .Take(100)
            .ToListAsync(ct);
        var tasks = open
            .Select(n => new DashboardTaskItem(n.TaskId, n.Title, n.State, n.Percent, n.Deadline, n.TimelinessOn(today),
                n.Deadline is { } d && d < today ? today.DayNumber - d.DayNumber : 0, n.ExplanationPending))
            .OrderBy(i => i.Timeliness switch { Timeliness.Overdue => 0, Timeliness.DueSoon => 1, Timeliness.OnTime => 2, _ => 3 })
            .ToList();
        return new DashboardUnitDetail(row, [.. rows.Where(r => r.ParentId == unit.Id)], tasks);
    }
}

public sealed class DashboardEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/dashboard", (IMediator mediator, CancellationToken ct, int? year, TenantKind? unitKind) =>
                mediator.Send(new DashboardQuery(year, unitKind), ct))
            .WithTags("Dashboard").WithSummary("The subtree's dashboard: per unit tasks by timeliness, reports, leader, dialogue, registrations, result")
            .Produces<DashboardView>().WithTenantProblems();
        api.MapGet("/dashboard/units", (IMediator mediator, CancellationToken ct, string? ids, int? year) =>
                mediator.Send(new DashboardUnitsQuery(ParseIds(ids), year), ct))
            .WithTags("Dashboard").WithSummary("The dashboard rows of some units (comma-separated ids): what a live view fetches after 'subtreeChanged'")
            .Produces<IReadOnlyList<DashboardUnit>>().WithTenantProblems();
        api.MapGet("/dashboard/units/{code}", (string code, IMediator mediator, CancellationToken ct, int? year) =>
                mediator.Send(new DashboardUnitQuery(code, year), ct))
            .WithTags("Dashboard").WithSummary("Drill-down: a unit's row, its children's rows and its open tasks, overdue first")
            .Produces<DashboardUnitDetail>().WithTenantProblems();
    }

    /// <summary>Ids that are not ids are a field error, not a 500.</summary>
    private static Guid[] ParseIds(string? ids)
    {
        var parts = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = new Guid[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!Guid.TryParse(parts[i], out parsed[i])) throw new DomainRuleException("ids", $"\"{parts[i]}\" không phải mã đơn vị hợp lệ.");
        return parsed;
    }
}
