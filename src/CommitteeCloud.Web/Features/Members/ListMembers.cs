using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Members;

/// <summary>Danh sách thành viên của đơn vị.</summary>
[RequirePermission(Permissions.MembersView)]
public sealed record ListMembersQuery : IQuery<IReadOnlyList<MemberDto>>;

public sealed record MemberDto(Guid MembershipId, Guid UserId, string FullName, string UserName, string Email, string? Position, string[] Roles, DateTimeOffset JoinedAt);

public sealed class ListMembersHandler(AppDbContext db) : IQueryHandler<ListMembersQuery, IReadOnlyList<MemberDto>>
{
    public async ValueTask<IReadOnlyList<MemberDto>> Handle(ListMembersQuery query, CancellationToken ct)
    {
        var roles = await db.TenantRoles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.DisplayName, ct);
        var rows = await db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
            .OrderBy(x => x.u.FullName)
            .Select(x => new { x.m.Id, x.m.UserId, x.u.FullName, x.u.UserName, x.u.Email, x.m.Position, x.m.RoleIds, x.m.JoinedAt })
            .ToListAsync(ct);
        return rows.Select(r => new MemberDto(r.Id, r.UserId, r.FullName, r.UserName ?? "", r.Email ?? "", r.Position,
            [.. r.RoleIds.Where(roles.ContainsKey).Select(id => roles[id])], r.JoinedAt)).ToList();
    }
}

public sealed class ListMembersEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/members", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListMembersQuery(), ct))
        .WithTags("Members").WithSummary("Members of the tenant with their roles")
        .Produces<IReadOnlyList<MemberDto>>().WithTenantProblems();
}
