using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Models;

/// <summary>
/// Một mô hình: the unit's own (with its evidence files), or, for a unit above with subtree supervision, a model of a
/// unit below as its node holds it; with what the caller may do.
/// </summary>
[RequirePermission(Permissions.PlansView)]
public sealed record GetModelQuery(Guid Id) : IQuery<ModelDetail>;

public sealed class GetModelHandler(AppDbContext db, ITenantContext context, PermissionService permissions) : IQueryHandler<GetModelQuery, ModelDetail>
{
    public async ValueTask<ModelDetail> Handle(GetModelQuery query, CancellationToken ct)
    {
        var current = context.Tenant!;
        var held = await permissions.GetAsync(current.Id, context.UserId!.Value, ct) ?? new HashSet<string>();
        var own = await db.MassMobilizationModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == query.Id, ct);
        ModelDetail detail;
        if (own is not null) detail = ModelDetail.From(own, current.Code, current.Name) with { Own = true };
        else
        {
            if (!held.Contains(Permissions.SubtreeView)) throw new NotFoundException("model");
            detail = ModelAccess.DetailOf(await db.FindNodeBelowAsync(context, query.Id, ct));
        }
        return detail with
        {
            Actions = ModelActions.For(detail, detail.Own, held.Contains(Permissions.PlansReport), held.Contains(Permissions.PlansManage)),
        };
    }
}

public sealed class GetModelEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/models/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetModelQuery(id), ct))
        .WithTags("Models").WithSummary("A Dân vận khéo model (own, or of a unit below) with its journal and the caller's actions")
        .Produces<ModelDetail>().WithTenantProblems();
}
