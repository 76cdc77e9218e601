using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>Kế hoạch của đơn vị by year, newest first, and the parents' plans received here (which a plan may implement).</summary>
[RequirePermission(Permissions.PlansView)]
public sealed record ListPlansQuery : IQuery<PlanList>;

public sealed class ListPlansHandler(AppDbContext db) : IQueryHandler<ListPlansQuery, PlanList>
{
    public async ValueTask<PlanList> Handle(ListPlansQuery query, CancellationToken ct)
    {
        var plans = await db.AnnualPlans.AsNoTracking().OrderByDescending(p => p.Year).ToListAsync(ct);
        var received = await db.Directives.AsNoTracking()
            .Where(d => d.Status == DirectiveStatus.Received && d.Kind == DirectiveKind.Plan)
            .OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.CreatedAt)
            .Select(d => new { d.Id, d.Number, d.IssueDate, d.IssuingBody, d.Subject, d.SourceTenantName, Tasks = db.Tasks.Count(t => t.DirectiveId == d.Id) })
            .ToListAsync(ct);
        return new PlanList(
            [.. plans.Select(p => new PlanListItem(p.Id, p.Year, p.Number, p.Title, p.Status, p.IssuedAt, p.Targets.Count, p.Activities.Count, p.ImplementsReference))],
            [.. received.Select(d => new ReceivedPlanDto(d.Id, d.Number, d.IssueDate, d.IssuingBody, d.Subject, d.SourceTenantName, d.Tasks,
                plans.FirstOrDefault(p => p.ImplementsDirectiveId == d.Id)?.Id))]);
    }
}

public sealed class ListPlansEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/plans", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListPlansQuery(), ct))
        .WithTags("Plans").WithSummary("The unit's annual plans by year, and the parents' plans received here")
        .Produces<PlanList>().WithTenantProblems();
}
