using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Me;

/// <summary>What the signed-in person may do in the current tenant (the UI shows only the actions they may take).</summary>
[RequirePermission(Permissions.TenantView)]
public sealed record MyPermissionsQuery : IQuery<string[]>;

public sealed class MyPermissionsHandler(PermissionService permissions, ITenantContext context) : IQueryHandler<MyPermissionsQuery, string[]>
{
    public async ValueTask<string[]> Handle(MyPermissionsQuery query, CancellationToken ct) =>
        [.. (await permissions.GetAsync(context.Tenant!.Id, context.UserId!.Value, ct) ?? new HashSet<string>()).Order()];
}

public sealed class MyPermissionsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/permissions", (IMediator mediator, CancellationToken ct) => mediator.Send(new MyPermissionsQuery(), ct))
        .WithTags("Me").WithSummary("My permissions in the current tenant")
        .Produces<string[]>().WithTenantProblems();
}
