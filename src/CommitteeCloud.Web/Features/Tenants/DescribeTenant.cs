using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Supervision;

namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>Renames (or re-classifies) a unit below the current one. Send the version you read: 409 if it changed.</summary>
[RequirePermission(Permissions.TenantsManage)]
public sealed record DescribeTenantCommand(string Code, string Name, TenantKind Kind, string LevelLabel, uint Version) : ICommand<TenantDto>;

public sealed record DescribeTenantBody(string Name, TenantKind Kind, string LevelLabel, uint Version);

public sealed class DescribeTenantValidator : AbstractValidator<DescribeTenantCommand>
{
    public DescribeTenantValidator()
    {
        RuleFor(x => x.Name).TenantName();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.LevelLabel).LevelLabel();
    }
}

public sealed class DescribeTenantHandler(AppDbContext db, ITenantContext context, TenantStore store) : ICommandHandler<DescribeTenantCommand, TenantDto>
{
    public async ValueTask<TenantDto> Handle(DescribeTenantCommand command, CancellationToken ct)
    {
        var tenant = await db.FindDescendantAsync(context, command.Code, "code", ct);
        db.ExpectVersion(tenant, command.Version);
        tenant.Describe(command.Name, command.Kind, command.LevelLabel);
        await db.SaveChangesAsync(ct);
        store.Invalidate(TenantInfo.From(tenant));
        return TenantDto.From(tenant);
    }
}

public sealed class DescribeTenantEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/tenants/{code}", (string code, DescribeTenantBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new DescribeTenantCommand(code, body.Name, body.Kind, body.LevelLabel, body.Version), ct))
        .WithTags("Tenants").WithSummary("Rename or re-classify a unit below the current tenant")
        .Produces<TenantDto>().WithCommandProblems();
}
