
namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>The roots of every tree on the platform (platform operators only): what they create and nothing below.</summary>
[PlatformRequest]
public sealed record ListRootTenantsQuery : IQuery<IReadOnlyList<TenantDto>>;

public sealed class ListRootTenantsHandler(AppDbContext db) : IQueryHandler<ListRootTenantsQuery, IReadOnlyList<TenantDto>>
{
    public async ValueTask<IReadOnlyList<TenantDto>> Handle(ListRootTenantsQuery query, CancellationToken ct)
    {
        var roots = await db.Tenants.AsNoTracking().Where(t => t.ParentId == null).OrderBy(t => t.Name).ToListAsync(ct);
        return [.. roots.Select(TenantDto.From)];
    }
}

public sealed class ListRootTenantsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/platform/tenants", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListRootTenantsQuery(), ct))
        .WithTags("Platform").WithSummary("Root tenants (platform operators only)")
        .Produces<IReadOnlyList<TenantDto>>().WithTenantProblems();
}
