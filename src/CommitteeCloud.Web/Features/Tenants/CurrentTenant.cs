using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>The tenant the caller acts in.</summary>
[RequirePermission(Permissions.TenantView)]
public sealed record CurrentTenantQuery : IQuery<TenantDto>;

public sealed class CurrentTenantHandler(AppDbContext db, ITenantContext context) : IQueryHandler<CurrentTenantQuery, TenantDto>
{
    public async ValueTask<TenantDto> Handle(CurrentTenantQuery query, CancellationToken ct)
    {
        var id = context.Tenant!.Id;
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == id, ct);
        return TenantDto.From(tenant);
    }
}

public sealed class CurrentTenantEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tenant", (IMediator mediator, CancellationToken ct) => mediator.Send(new CurrentTenantQuery(), ct))
        .WithTags("Tenants").WithSummary("The tenant the caller acts in (/t/{code}/api/tenant or X-Tenant)")
        .Produces<TenantDto>().WithTenantProblems();
}
