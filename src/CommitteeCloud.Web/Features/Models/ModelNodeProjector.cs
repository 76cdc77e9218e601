using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using System.Text.Json;
using CommitteeCloud.Domain.Models;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Models;

/// <summary>
/// Keeps a unit's model nodes current from its own models, and tells the unit and every unit above it, live, that a
/// model changed. Commands project at once (so the page that acted shows the change); the event does it again for
/// anything changed elsewhere (idempotent).
/// </summary>
public sealed class ModelNodeProjector(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push)
    : IDomainEventHandler<ModelChanged>
{
    public const string ModelChangedEvent = "modelChanged";

    public async ValueTask HandleAsync(ModelChanged domainEvent, DomainEventContext eventContext, CancellationToken ct)
    {
        var model = await db.MassMobilizationModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == domainEvent.ModelId, ct);
        if (model is not null) await ProjectAsync(model, ct);
    }

    /// <summary>Writes the node of <paramref name="model"/>; the scope must act in the model's own tenant.</summary>
    public async Task ProjectAsync(MassMobilizationModel model, CancellationToken ct)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException("A model's node is projected in its own tenant.");
        if (tenant.Id != model.TenantId && model.TenantId != Guid.Empty) throw new InvalidOperationException("A model's node is projected in its own tenant.");
        var node = db.ModelNodes.Local.FirstOrDefault(n => n.ModelId == model.Id)
            ?? await db.ModelNodes.FirstOrDefaultAsync(n => n.ModelId == model.Id, ct);
        if (node is null)
        {
            node = new ModelNode { ModelId = model.Id, TenantId = tenant.Id };
            db.ModelNodes.Add(node);
        }
        node.Path = tenant.Path;
        node.UnitCode = tenant.Code;
        node.UnitName = tenant.Name;
        node.Year = model.Year;
        node.Name = model.Name;
        node.Field = model.Field;
        node.IsCollective = model.IsCollective;
        node.PersonName = model.PersonName;
        node.Status = model.Status;
        node.Surveyed = model.SurveyedOn is not null;
        node.RecognitionLevel = model.RecognitionLevel;
        node.IsTypical = model.IsTypical;
        node.ProposedForAward = model.ProposedForAward;
        node.Stage = model.Stage;
        node.OriginalModelId = model.OriginalModelId;
        node.OriginalUnitName = model.OriginalUnitName;
        node.ReplicationCount = model.Replications.Count;
        node.Detail = JsonSerializer.Serialize(ModelDetail.From(model, tenant.Code, tenant.Name), ModelDetail.Json);
        node.UpdatedAt = clock.GetUtcNow();
        afterCommit.Add(() => push.ToTenantAndAncestorsAsync(tenant.Path, ModelChangedEvent, model.Id));
    }
}

public static class ModelNodeQueries
{
    /// <summary>The explicit subtree condition, on top of the subtree row-level security.</summary>
    public static IQueryable<ModelNode> InSubtreeOf(this DbSet<ModelNode> nodes, TenantInfo tenant) =>
        nodes.FromSqlInterpolated($"SELECT * FROM model_nodes WHERE path <@ {tenant.Path}::ltree");
}
