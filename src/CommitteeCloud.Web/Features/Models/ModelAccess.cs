using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using System.Text.Json;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Models;

namespace CommitteeCloud.Web.Features.Models;

/// <summary>
/// How a request reaches a model: the unit's own (its table), or one of a unit below (its subtree node, for reading;
/// the unit's own row, acting in its tenant inside the transaction, for an ancestor's decision). Anything else, a
/// sibling's or a stranger's included, is the same 404.
/// </summary>
public static class ModelAccess
{
    public static async Task<MassMobilizationModel> FindOwnModelAsync(this AppDbContext db, Guid id, CancellationToken ct) =>
        await db.MassMobilizationModels.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("model");

    /// <summary>A model of a unit strictly below the current one, from the subtree read model.</summary>
    public static async Task<ModelNode> FindNodeBelowAsync(this AppDbContext db, ITenantContext context, Guid id, CancellationToken ct)
    {
        var current = context.Tenant!;
        var node = await db.ModelNodes.InSubtreeOf(current).AsNoTracking().FirstOrDefaultAsync(n => n.ModelId == id, ct);
        if (node is null || node.TenantId == current.Id || !node.Path.StartsWith(current.Path + ".", StringComparison.Ordinal))
            throw new NotFoundException("model");
        return node;
    }

    public static ModelDetail DetailOf(ModelNode node) =>
        JsonSerializer.Deserialize<ModelDetail>(node.Detail, ModelDetail.Json) ?? throw new NotFoundException("model");

    /// <summary>
    /// Đánh giá của cấp trên: applies <paramref name="decide"/> to a model of a unit below, acting in that unit's tenant
    /// in this transaction, and refreshes its node there. Models of any unit below (not only direct children) can be
    /// decided on: recognition is given at the level of whoever recognizes.
    /// </summary>
    public static async Task<Guid> DecideBelowAsync(this AppDbContext db, ITenantContext context, TenantStore tenants, ModelNodeProjector projector,
        Guid id, Action<MassMobilizationModel, string> decide, CancellationToken ct)
    {
        var node = await db.FindNodeBelowAsync(context, id, ct);
        var unit = await tenants.FindByIdAsync(node.TenantId, ct);
        if (unit is null || !unit.Path.StartsWith(context.Tenant!.Path + ".", StringComparison.Ordinal)) throw new NotFoundException("model");
        if (!unit.IsActive) throw new DomainRuleException("model", $"{unit.Name} đang tạm ngừng hoạt động.");
        var deciderName = context.Tenant!.Name;
        await using (await db.ActInTenantAsync(unit, ct))
        {
            var model = await db.MassMobilizationModels.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("model");
            decide(model, deciderName);
            await db.SaveChangesAsync(ct);
            await projector.ProjectAsync(model, ct);
        }
        return node.ModelId;
    }

    public static async Task<bool> HoldsAsync(this PermissionService permissions, ITenantContext context, string permission, CancellationToken ct) =>
        (await permissions.GetAsync(context.Tenant!.Id, context.UserId!.Value, ct))?.Contains(permission) == true;

    public static ModelContent Content(ModelBody b) => new(b.Name ?? "", b.Field ?? (ModelField)(-1), b.IsCollective ?? true, b.PersonName, b.PersonPosition,
        b.Situation, b.Goals, b.ContentAndMethod, b.AreaAndBeneficiaries, b.Forces, b.Resources, b.From, b.To, b.Outputs, b.Sustainability);
}

/// <summary>The registration form's fields.</summary>
public sealed record ModelBody(
    int? Year, string? Name, ModelField? Field, bool? IsCollective, string? PersonName, string? PersonPosition, string? Situation, string? Goals,
    string? ContentAndMethod, string? AreaAndBeneficiaries, string? Forces, string? Resources, DateOnly? From, DateOnly? To, string? Outputs,
    string? Sustainability);
