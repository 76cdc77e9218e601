using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>
/// Nhập số liệu thực hiện of a target no indicator counts (a rank published by the province, a figure from another
/// system); null clears it. Whoever reports for the unit may, until the plan is closed by its year-end review.
/// </summary>
[RequirePermission(Permissions.PlansReport)]
public sealed record RecordTargetActualCommand(Guid PlanId, Guid TargetId, decimal? Actual, uint? Version = null) : ICommand<PlanDetail>;

public sealed class RecordTargetActualValidator : AbstractValidator<RecordTargetActualCommand>
{
    public RecordTargetActualValidator() =>
        RuleFor(x => x.Actual).GreaterThanOrEqualTo(0).WithMessage("Số liệu thực hiện không được âm.").LessThan(1_000_000_000_000m);
}

public sealed class RecordTargetActualHandler(AppDbContext db, TimeProvider clock, IMediator mediator) : ICommandHandler<RecordTargetActualCommand, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(RecordTargetActualCommand command, CancellationToken ct)
    {
        var plan = await db.FindPlanAsync(command.PlanId, ct);
        db.ExpectVersion(plan, command.Version);
        plan.RecordActual(command.TargetId, command.Actual, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetPlanQuery(plan.Id), ct);
    }
}

public sealed record TargetActualBody(decimal? Actual, uint? Version);

public sealed class RecordTargetActualEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/plans/{id:guid}/targets/{targetId:guid}/actual", (Guid id, Guid targetId, TargetActualBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new RecordTargetActualCommand(id, targetId, body.Actual, body.Version), ct))
        .WithTags("Plans").WithSummary("Type the actual of a target entered by hand (null clears it)")
        .Produces<PlanDetail>().WithCommandProblems();
}
