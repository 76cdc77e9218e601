using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Plans;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>Một kế hoạch: its targets with actual against target, its activities with their tasks, its reviews.</summary>
[RequirePermission(Permissions.PlansView)]
public sealed record GetPlanQuery(Guid Id) : IQuery<PlanDetail>;

public sealed class GetPlanHandler(AppDbContext db, PlanResults results) : IQueryHandler<GetPlanQuery, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(GetPlanQuery query, CancellationToken ct)
    {
        var plan = await db.AnnualPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, ct) ?? throw new NotFoundException("plan");
        var (from, to) = results.LivePeriod(plan);
        var targets = await results.TargetsAsync(plan, from, to, ct);
        var activities = await results.ActivitiesAsync(plan, ct);
        var reviews = await db.PlanReviews.AsNoTracking().Where(r => r.PlanId == plan.Id).OrderBy(r => r.Kind)
            .Select(r => new PlanReviewItem(r.Id, r.Kind, r.Status, r.PeriodFrom, r.PeriodTo, r.IssuedAt)).ToListAsync(ct);
        return new PlanDetail(plan.Id, plan.Year, plan.Number, plan.Title, plan.Purpose, plan.Requirements, plan.Objectives, targets, activities,
            plan.Status, plan.ImplementsDirectiveId, plan.ImplementsReference, plan.CopiedFromPlanId, plan.DirectiveId, plan.IssuedAt, from, to,
            TimelinessCounts.Of(activities.Where(a => a.Timeliness is not null).Select(a => a.Timeliness!.Value)), reviews, plan.Version);
    }
}

public sealed class GetPlanEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/plans/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetPlanQuery(id), ct))
        .WithTags("Plans").WithSummary("A plan with its targets (actual against target, live), activities (their tasks) and reviews")
        .Produces<PlanDetail>().WithTenantProblems();
}

/// <summary>Số liệu tự động: every figure the system counts, which a target may take its actual from.</summary>
[RequirePermission(Permissions.PlansView)]
public sealed record ListIndicatorsQuery : IQuery<IReadOnlyList<Indicators.IndicatorDefinition>>;

public sealed class ListIndicatorsHandler(PlanResults results) : IQueryHandler<ListIndicatorsQuery, IReadOnlyList<Indicators.IndicatorDefinition>>
{
    public ValueTask<IReadOnlyList<Indicators.IndicatorDefinition>> Handle(ListIndicatorsQuery query, CancellationToken ct) => ValueTask.FromResult(results.Indicators);
}

public sealed class ListIndicatorsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/plans/indicators", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListIndicatorsQuery(), ct))
        .WithTags("Plans").WithSummary("The figures the system counts (code, name, unit), which a target may follow")
        .Produces<IReadOnlyList<Indicators.IndicatorDefinition>>().WithTenantProblems();
}
