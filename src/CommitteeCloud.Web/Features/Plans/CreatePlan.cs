using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Plans;
using CommitteeCloud.Web.Features.Indicators;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>Xây dựng kế hoạch năm: a new draft; a unit has one plan a year (a second is a 409).</summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record CreatePlanCommand(PlanInput Plan) : ICommand<PlanDetail>;

public sealed class CreatePlanValidator : AbstractValidator<CreatePlanCommand>
{
    public CreatePlanValidator() => RuleFor(x => x.Plan).NotNull().SetValidator(new PlanInputValidator());
}

public sealed class CreatePlanHandler(AppDbContext db, ITenantContext context, TaskHandOffs handOffs, IEnumerable<IIndicatorSource> sources,
    TimeProvider clock, IMediator mediator) : ICommandHandler<CreatePlanCommand, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(CreatePlanCommand command, CancellationToken ct)
    {
        await db.EnsureYearFreeAsync(command.Plan.Year, ct);
        var fields = await command.Plan.ToFieldsAsync(db, handOffs, sources, ct);
        var plan = new AnnualPlan(fields, clock.GetUtcNow(), context.UserId);
        db.AnnualPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetPlanQuery(plan.Id), ct);
    }
}

public static class PlanYears
{
    /// <summary>One plan per unit and year (the unique index says so too, for two requests at once).</summary>
    public static async Task EnsureYearFreeAsync(this AppDbContext db, int year, CancellationToken ct)
    {
        if (await db.AnnualPlans.AnyAsync(p => p.Year == year, ct))
            throw new ConflictException($"Đơn vị đã có kế hoạch năm {year}.");
    }
}

public sealed class CreatePlanEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/plans", async (CreatePlanCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var plan = await mediator.Send(command, ct);
            return Results.Created($"/api/plans/{plan.Id}", plan);
        })
        .WithTags("Plans").WithSummary("Draft the unit's plan for a year (409 if it has one)")
        .Produces<PlanDetail>(StatusCodes.Status201Created).WithCommandProblems();
}
