using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Models;

/// <summary>
/// Cuối năm, the unit decides a model's fate: dừng (drop, with the reason) or tiếp tục (continue: next year's model is
/// created, linked to this one).
/// </summary>
[RequirePermission(Permissions.PlansReport)]
public sealed record EndModelYearCommand(Guid Id, string Decision, string? Reason = null, uint? Version = null) : ICommand<ModelDetail>;

public sealed class EndModelYearValidator : AbstractValidator<EndModelYearCommand>
{
    public EndModelYearValidator()
    {
        RuleFor(x => x.Decision).Must(d => d is ModelActions.Drop or ModelActions.Continue).WithMessage("Quyết định không hợp lệ.");
        RuleFor(x => x.Reason).NotEmpty().When(x => x.Decision == ModelActions.Drop).WithMessage("Hãy nêu lý do dừng mô hình.")
            .MaximumLength(Domain.Models.MassMobilizationModel.TextMaxLength);
    }
}

public sealed class EndModelYearHandler(AppDbContext db, ITenantContext context, TimeProvider clock, ModelNodeProjector projector, IMediator mediator)
    : ICommandHandler<EndModelYearCommand, ModelDetail>
{
    public async ValueTask<ModelDetail> Handle(EndModelYearCommand command, CancellationToken ct)
    {
        var model = await db.FindOwnModelAsync(command.Id, ct);
        db.ExpectVersion(model, command.Version);
        var (now, actor, unit) = (clock.GetUtcNow(), await db.ActorNameAsync(context, ct), context.Tenant!.Name);
        if (command.Decision == ModelActions.Drop) model.Drop(command.Reason ?? "", now, actor, unit);
        else
        {
            var next = model.ContinueIntoNextYear(now, actor, unit);
            db.MassMobilizationModels.Add(next);
            await db.SaveChangesAsync(ct);
            await projector.ProjectAsync(next, ct);
        }
        await projector.ProjectAsync(model, ct);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetModelQuery(model.Id), ct);
    }
}

public sealed class EndModelYearEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/models/{id:guid}/drop", (Guid id, ModelDecisionBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new EndModelYearCommand(id, ModelActions.Drop, body.Comment, body.Version), ct))
            .WithTags("Models").WithSummary("Drop an ineffective model (with the reason)").Produces<ModelDetail>().WithCommandProblems();
        api.MapPost("/models/{id:guid}/continue", (Guid id, ModelDecisionBody? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new EndModelYearCommand(id, ModelActions.Continue, null, body?.Version), ct))
            .WithTags("Models").WithSummary("Continue a model into next year (creates next year's model linked to it)")
            .Produces<ModelDetail>().WithCommandProblems();
    }
}
