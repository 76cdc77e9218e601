using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Supervision;
using CommitteeCloud.Web.Platform.Cqrs;
using CommitteeCloud.Web.Platform.Endpoints;
using CommitteeCloud.Web.Platform.Persistence;
using CommitteeCloud.Web.Platform.Tenancy;
using FluentValidation;
using Mediator;

namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>Hoạt động trở lại: a suspended unit below the current one becomes usable again.</summary>
[RequirePermission(Permissions.TenantsManage)]
public sealed record ReactivateTenantCommand(string Code) : ICommand<TenantDto>;

public sealed class ReactivateTenantValidator : AbstractValidator<ReactivateTenantCommand>
{
    public ReactivateTenantValidator() => RuleFor(x => x.Code).NotEmpty().MaximumLength(Domain.Tenants.Tenant.CodeMaxLength);
}

public sealed class ReactivateTenantHandler(AppDbContext db, ITenantContext context, TenantStore store) : ICommandHandler<ReactivateTenantCommand, TenantDto>
{
    public async ValueTask<TenantDto> Handle(ReactivateTenantCommand command, CancellationToken ct)
    {
        var tenant = await db.FindDescendantAsync(context, command.Code, "code", ct);
        tenant.Reactivate();
        await db.SaveChangesAsync(ct);
        store.Invalidate(TenantInfo.From(tenant));
        return TenantDto.From(tenant);
    }
}

public sealed class ReactivateTenantEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tenants/{code}/reactivate", (string code, IMediator mediator, CancellationToken ct) => mediator.Send(new ReactivateTenantCommand(code), ct))
        .WithTags("Tenants").WithSummary("Reactivate a suspended unit below the current tenant")
        .Produces<TenantDto>().WithCommandProblems();
}
