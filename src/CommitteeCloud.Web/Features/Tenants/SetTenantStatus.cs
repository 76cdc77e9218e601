using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Supervision;

namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>
/// Tạm ngừng / hoạt động trở lại a unit below the current one. A suspended unit's members can no longer act in it
/// (403) until it is reactivated; its data is kept and its ancestors still see it, marked suspended.
/// </summary>
[RequirePermission(Permissions.TenantsManage)]
public sealed record SetTenantStatusCommand(string Code, TenantStatus Status) : ICommand<TenantDto>;

public sealed class SetTenantStatusValidator : AbstractValidator<SetTenantStatusCommand>
{
    public SetTenantStatusValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(Tenant.CodeMaxLength);
        RuleFor(x => x.Status).IsInEnum();
    }
}

public sealed class SetTenantStatusHandler(AppDbContext db, ITenantContext context, TenantStore store) : ICommandHandler<SetTenantStatusCommand, TenantDto>
{
    public async ValueTask<TenantDto> Handle(SetTenantStatusCommand command, CancellationToken ct)
    {
        var tenant = await db.FindDescendantAsync(context, command.Code, "code", ct);
        if (command.Status == TenantStatus.Suspended) tenant.Suspend();
        else tenant.Reactivate();
        await db.SaveChangesAsync(ct);
        store.Invalidate(TenantInfo.From(tenant));
        return TenantDto.From(tenant);
    }
}

public sealed class SetTenantStatusEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/tenants/{code}/suspend", (string code, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SetTenantStatusCommand(code, TenantStatus.Suspended), ct))
            .WithTags("Tenants").WithSummary("Suspend a unit below the current tenant")
            .Produces<TenantDto>().WithCommandProblems();
        api.MapPost("/tenants/{code}/reactivate", (string code, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SetTenantStatusCommand(code, TenantStatus.Active), ct))
            .WithTags("Tenants").WithSummary("Reactivate a suspended unit below the current tenant")
            .Produces<TenantDto>().WithCommandProblems();
    }
}
