using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Supervision;
using CommitteeCloud.Web.Platform.Cqrs;
using CommitteeCloud.Web.Platform.Endpoints;
using CommitteeCloud.Web.Platform.Persistence;
using CommitteeCloud.Web.Platform.Tenancy;
using FluentValidation;
using Mediator;

namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>Tạm ngừng: the unit's members can no longer act in it (403) until it is reactivated. Its data is kept.</summary>
[RequirePermission(Permissions.TenantsManage)]
public sealed record SuspendTenantCommand(string Code) : ICommand<TenantDto>;

public sealed class SuspendTenantValidator : AbstractValidator<SuspendTenantCommand>
{
    public SuspendTenantValidator() => RuleFor(x => x.Code).NotEmpty().MaximumLength(Domain.Tenants.Tenant.CodeMaxLength);
}

public sealed class SuspendTenantHandler(AppDbContext db, ITenantContext context, TenantStore store) : ICommandHandler<SuspendTenantCommand, TenantDto>
{
    public async ValueTask<TenantDto> Handle(SuspendTenantCommand command, CancellationToken ct)
    {
        var tenant = await db.FindDescendantAsync(context, command.Code, "code", ct);
        tenant.Suspend();
        await db.SaveChangesAsync(ct);
        store.Invalidate(TenantInfo.From(tenant));
        return TenantDto.From(tenant);
    }
}

public sealed class SuspendTenantEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tenants/{code}/suspend", (string code, IMediator mediator, CancellationToken ct) => mediator.Send(new SuspendTenantCommand(code), ct))
        .WithTags("Tenants").WithSummary("Suspend a unit below the current tenant")
        .Produces<TenantDto>().WithCommandProblems();
}
