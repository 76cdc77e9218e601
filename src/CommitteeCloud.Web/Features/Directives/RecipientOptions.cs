using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tenants;

namespace CommitteeCloud.Web.Features.Directives;

/// <summary>Who a directive or task may go to: the unit's active direct children, from the catalog.</summary>
[RequirePermission(Permissions.TasksManage)]
public sealed record RecipientOptionsQuery : IQuery<IReadOnlyList<RecipientDto>>;

public sealed class RecipientOptionsHandler(AppDbContext db, ITenantContext context) : IQueryHandler<RecipientOptionsQuery, IReadOnlyList<RecipientDto>>
{
    public async ValueTask<IReadOnlyList<RecipientDto>> Handle(RecipientOptionsQuery query, CancellationToken ct)
    {
        var parentId = context.Tenant!.Id;
        return await db.Tenants.AsNoTracking().Where(t => t.ParentId == parentId && t.Status == TenantStatus.Active)
            .OrderBy(t => t.Name).Select(t => new RecipientDto(t.Id, t.Code, t.Name)).ToListAsync(ct);
    }
}

public sealed class RecipientOptionsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/directives/recipient-options", (IMediator mediator, CancellationToken ct) => mediator.Send(new RecipientOptionsQuery(), ct))
        .WithTags("Directives").WithSummary("The active direct child units a directive or task may go to")
        .Produces<IReadOnlyList<RecipientDto>>().WithTenantProblems();
}
