using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Models;
using CommitteeCloud.Web.Platform.Outbox;

namespace CommitteeCloud.Web.Features.Models;

/// <summary>
/// Nhân rộng mô hình: the unit takes up a model of a unit below it as its own new model, linked to the original. The
/// original's unit learns of it by a routed event and shows the model as replicated.
/// </summary>
[RequirePermission(Permissions.PlansReport)]
public sealed record ReplicateModelCommand(Guid Id, int? Year = null) : ICommand<ModelDetail>;

public sealed class ReplicateModelHandler(AppDbContext db, ITenantContext context, TimeProvider clock, ModelNodeProjector projector, IMediator mediator)
    : ICommandHandler<ReplicateModelCommand, ModelDetail>
{
    public async ValueTask<ModelDetail> Handle(ReplicateModelCommand command, CancellationToken ct)
    {
        var current = context.Tenant!;
        var node = await db.FindNodeBelowAsync(context, command.Id, ct);
        var original = ModelAccess.DetailOf(node);
        var year = command.Year ?? clock.Today().Year;
        if (year is < 2000 or > 2100) throw new DomainRuleException("year", "Năm không hợp lệ.");
        var replica = MassMobilizationModel.ReplicaOf(year, original.Content, node.ModelId, node.TenantId, node.UnitName, clock.GetUtcNow(),
            await db.ActorNameAsync(context, ct), current.Name);
        db.MassMobilizationModels.Add(replica);
        db.Publish(new ModelReplicated(node.TenantId, node.ModelId, replica.Id, current.Id, current.Name));
        await db.SaveChangesAsync(ct);
        await projector.ProjectAsync(replica, ct);
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetModelQuery(replica.Id), ct);
    }
}

/// <summary>In the original model's unit: records who replicated it (once per replica).</summary>
public sealed class OriginalSideOfReplications(AppDbContext db, ModelNodeProjector projector, ILogger<OriginalSideOfReplications> logger)
    : IDomainEventHandler<ModelReplicated>
{
    public async ValueTask HandleAsync(ModelReplicated e, DomainEventContext eventContext, CancellationToken ct)
    {
        var model = await db.MassMobilizationModels.FirstOrDefaultAsync(m => m.Id == e.OriginalModelId, ct);
        if (model is null)
        {
            logger.LogWarning("Replication of {Model} matches no model here", e.OriginalModelId);
            return;
        }
        if (model.AddReplication(e.ReplicaModelId, e.ReplicaTenantId, e.ReplicaUnitName, eventContext.OccurredAt))
            await projector.ProjectAsync(model, ct);
    }
}

public sealed class ReplicateModelEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/models/{id:guid}/replicate", (Guid id, ReplicateBody? body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ReplicateModelCommand(id, body?.Year), ct))
        .WithTags("Models").WithSummary("Replicate a model of a unit below as a new model of this unit, linked to the original")
        .Produces<ModelDetail>().WithCommandProblems();
}

public sealed record ReplicateBody(int? Year);
