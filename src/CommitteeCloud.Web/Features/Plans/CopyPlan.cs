using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>
/// Sao chép kế hoạch năm trước: one click turns a plan into next year's draft (purpose, objectives, targets and
/// activities one year on). 409 when next year already has a plan.
/// </summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record CopyPlanCommand(Guid Id) : ICommand<PlanDetail>;

public sealed class CopyPlanHandler(AppDbContext db, ITenantContext context, TimeProvider clock, IMediator mediator) : ICommandHandler<CopyPlanCommand, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(CopyPlanCommand command, CancellationToken ct)
    {
        var source = await db.FindPlanAsync(command.Id, ct);
        await db.EnsureYearFreeAsync(source.Year + 1, ct);
        var copy = source.CopyForNextYear(clock.GetUtcNow(), context.UserId);
        db.AnnualPlans.Add(copy);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetPlanQuery(copy.Id), ct);
    }
}

public sealed class CopyPlanEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/plans/{id:guid}/copy", async (Guid id, IMediator mediator, CancellationToken ct) =>
        {
            var plan = await mediator.Send(new CopyPlanCommand(id), ct);
            return Results.Created($"/api/plans/{plan.Id}", plan);
        })
        .WithTags("Plans").WithSummary("Copy a plan into a new draft for the following year (409 if that year has one)")
        .Produces<PlanDetail>(StatusCodes.Status201Created).WithCommandProblems();
}
