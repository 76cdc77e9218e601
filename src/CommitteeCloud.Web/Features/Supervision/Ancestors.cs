using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Tenants;

namespace CommitteeCloud.Web.Features.Supervision;

/// <summary>The chain of units above the current one, root first: one indexed ltree query on the catalog.</summary>
[RequirePermission(Permissions.TenantView)]
public sealed record AncestorsQuery : IQuery<IReadOnlyList<TenantDto>>;

public sealed class AncestorsHandler(AppDbContext db, ITenantContext context) : IQueryHandler<AncestorsQuery, IReadOnlyList<TenantDto>>
{
    public async ValueTask<IReadOnlyList<TenantDto>> Handle(AncestorsQuery query, CancellationToken ct)
    {
        var current = context.Tenant!;
        var ancestors = await db.Tenants.FromSqlInterpolated($"SELECT *, xmin FROM tenants WHERE path @> {current.Path}::ltree AND id <> {current.Id}")
            .AsNoTracking().OrderBy(t => t.Depth).ToListAsync(ct);
        return [.. ancestors.Select(TenantDto.From)];
    }
}

public sealed class AncestorsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tree/ancestors", (IMediator mediator, CancellationToken ct) => mediator.Send(new AncestorsQuery(), ct))
        .WithTags("Supervision").WithSummary("The units above the current tenant, root first")
        .Produces<IReadOnlyList<TenantDto>>().WithTenantProblems();
}
