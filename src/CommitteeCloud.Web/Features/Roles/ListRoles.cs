using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Roles;

/// <summary>The tenant's role bundles, with the version to send back when editing one.</summary>
[RequirePermission(Permissions.MembersView)]
public sealed record ListRolesQuery : IQuery<IReadOnlyList<RoleDto>>;

public sealed record RoleDto(Guid Id, string Name, string DisplayName, string[] Permissions, uint Version);

public sealed class ListRolesHandler(AppDbContext db) : IQueryHandler<ListRolesQuery, IReadOnlyList<RoleDto>>
{
    public async ValueTask<IReadOnlyList<RoleDto>> Handle(ListRolesQuery query, CancellationToken ct) =>
        await db.TenantRoles.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new RoleDto(r.Id, r.Name, r.DisplayName, r.Permissions.ToArray(), r.Version))
            .ToListAsync(ct);
}

public sealed class ListRolesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/roles", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListRolesQuery(), ct))
        .WithTags("Roles").WithSummary("Role bundles of the tenant")
        .Produces<IReadOnlyList<RoleDto>>().WithTenantProblems();
}
