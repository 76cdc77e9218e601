using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Models;

public enum ModelScope { Own, Subtree }

/// <summary>
/// Danh sách mô hình: the unit's own models or (with subtree supervision) every model of the unit and the units
/// below it, for a year or all years.
/// </summary>
[RequirePermission(Permissions.PlansView)]
public sealed record ListModelsQuery(ModelScope Scope = ModelScope.Own, int? Year = null) : IQuery<IReadOnlyList<ModelSummary>>;

public sealed class ListModelsHandler(AppDbContext db, ITenantContext context, PermissionService permissions)
    : IQueryHandler<ListModelsQuery, IReadOnlyList<ModelSummary>>
{
    public async ValueTask<IReadOnlyList<ModelSummary>> Handle(ListModelsQuery query, CancellationToken ct)
    {
        var current = context.Tenant!;
        if (query.Scope == ModelScope.Subtree && !await permissions.HoldsAsync(context, Permissions.SubtreeView, ct))
            throw new ForbiddenException(Permissions.SubtreeView);
        var nodes = db.ModelNodes.InSubtreeOf(current).AsNoTracking();
        if (query.Scope == ModelScope.Own) nodes = nodes.Where(n => n.TenantId == current.Id);
        if (query.Year is { } year) nodes = nodes.Where(n => n.Year == year);
        var list = await nodes.OrderByDescending(n => n.Year).ThenBy(n => n.Path).ThenBy(n => n.Name).ToListAsync(ct);
        return [.. list.Select(n => ModelSummary.From(n, current.Id))];
    }
}

public sealed class ListModelsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/models", (ModelScope? scope, int? year, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListModelsQuery(scope ?? ModelScope.Own, year), ct))
        .WithTags("Models").WithSummary("The unit's Dân vận khéo models, or (scope=Subtree) those of its whole subtree")
        .Produces<IReadOnlyList<ModelSummary>>().WithTenantProblems();
}
