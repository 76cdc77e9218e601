using CommitteeCloud.Domain.Tenants;

namespace CommitteeCloud.Web.Features.Me;

/// <summary>Who is signed in and the tenants they can act in (the tenant switcher).</summary>
[PersonalRequest]
public sealed record MyProfileQuery : IQuery<MyProfile>;

public sealed record MyProfile(Guid UserId, string UserName, string FullName, string Email, bool IsPlatformOperator, IReadOnlyList<MyTenant> Tenants);

public sealed record MyTenant(string Code, string Name, TenantKind Kind, string LevelLabel, string? Position);

public sealed class MyProfileHandler(AppDbContext db, ITenantContext context) : IQueryHandler<MyProfileQuery, MyProfile>
{
    public async ValueTask<MyProfile> Handle(MyProfileQuery query, CancellationToken ct)
    {
        var userId = context.UserId!.Value;
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        // A person's own memberships span tenants: the tenant filter is lifted for this one query and replaced by
        // the person; row-level security allows exactly these rows (user_id = app.user_id).
        var tenants = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Tenants.Where(t => t.Status == TenantStatus.Active), m => m.TenantId, t => t.Id, (m, t) => new { m, t })
            .OrderBy(x => x.t.Depth).ThenBy(x => x.t.Name)
            .Select(x => new MyTenant(x.t.Code, x.t.Name, x.t.Kind, x.t.LevelLabel, x.m.Position))
            .ToListAsync(ct);
        return new MyProfile(user.Id, user.UserName ?? "", user.FullName, user.Email ?? "", user.IsPlatformOperator, tenants);
    }
}

public sealed class MyProfileEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/me", (IMediator mediator, CancellationToken ct) => mediator.Send(new MyProfileQuery(), ct))
        .WithTags("Me").WithSummary("The signed-in person and the tenants they belong to")
        .Produces<MyProfile>().ProducesProblem(StatusCodes.Status401Unauthorized);
}
