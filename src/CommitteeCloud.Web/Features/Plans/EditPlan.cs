using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Indicators;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>Sửa dự thảo: the whole plan as the editor holds it (send the version read; a stale one is a 409).</summary>
[RequirePermission(Permissions.PlansManage)]
public sealed record EditPlanCommand(Guid Id, PlanInput Plan, uint? Version = null) : ICommand<PlanDetail>;

public sealed class EditPlanValidator : AbstractValidator<EditPlanCommand>
{
    public EditPlanValidator() => RuleFor(x => x.Plan).NotNull().SetValidator(new PlanInputValidator());
}

public sealed class EditPlanHandler(AppDbContext db, TaskHandOffs handOffs, IEnumerable<IIndicatorSource> sources, TimeProvider clock, IMediator mediator)
    : ICommandHandler<EditPlanCommand, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(EditPlanCommand command, CancellationToken ct)
    {
        var plan = await db.FindPlanAsync(command.Id, ct);
        db.ExpectVersion(plan, command.Version);
        var fields = await command.Plan.ToFieldsAsync(db, handOffs, sources, ct);
        plan.Edit(fields, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetPlanQuery(plan.Id), ct);
    }
}

public sealed record EditPlanBody(PlanInput? Plan, uint? Version);

public sealed class EditPlanEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/plans/{id:guid}", (Guid id, EditPlanBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new EditPlanCommand(id, body.Plan!, body.Version), ct))
        .WithTags("Plans").WithSummary("Change a draft plan: fields, objectives, targets, activities (409 on a stale version)")
        .Produces<PlanDetail>().WithCommandProblems();
}
