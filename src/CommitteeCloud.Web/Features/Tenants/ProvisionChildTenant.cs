using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Supervision;
using CommitteeCloud.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>
/// A secretary creates a unit below their own (by default directly under it, or under any unit of their subtree)
/// with its first secretary, who is told at once. Levels are free labels: the tree has whatever depth it needs.
/// </summary>
[RequirePermission(Permissions.TenantsManage)]
public sealed record ProvisionChildTenantCommand(
    string Code, string Name, TenantKind Kind, string LevelLabel, string? ParentCode, FirstSecretary? FirstSecretary)
    : ICommand<TenantDto>;

/// <summary>Bí thư đầu tiên: an existing account (by e-mail) or a new one.</summary>
public sealed record FirstSecretary(string Email, string? FullName, string? UserName, string? Position, string? InitialPassword);

public sealed class ProvisionChildTenantValidator : AbstractValidator<ProvisionChildTenantCommand>
{
    public ProvisionChildTenantValidator()
    {
        RuleFor(x => x.Code).TenantCode();
        RuleFor(x => x.Name).TenantName();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.LevelLabel).LevelLabel();
        RuleFor(x => x.ParentCode).MaximumLength(Tenant.CodeMaxLength);
        When(x => x.FirstSecretary is not null, () =>
        {
            RuleFor(x => x.FirstSecretary!.Email).NotEmpty().EmailAddress().MaximumLength(256).OverridePropertyName("firstSecretary.email");
            RuleFor(x => x.FirstSecretary!.FullName).MaximumLength(User.FullNameMaxLength).OverridePropertyName("firstSecretary.fullName");
            RuleFor(x => x.FirstSecretary!.Position).MaximumLength(Membership.PositionMaxLength).OverridePropertyName("firstSecretary.position");
            RuleFor(x => x.FirstSecretary!.InitialPassword).MaximumLength(128).OverridePropertyName("firstSecretary.initialPassword");
        });
    }
}

public sealed class ProvisionChildTenantHandler(
    AppDbContext db, ITenantContext context, UserManager<User> users, TenantProvisioner provisioner, TimeProvider clock)
    : ICommandHandler<ProvisionChildTenantCommand, TenantDto>
{
    public async ValueTask<TenantDto> Handle(ProvisionChildTenantCommand command, CancellationToken ct)
    {
        var parent = await db.FindSelfOrDescendantAsync(context, command.ParentCode, "parentCode", ct);
        if (!parent.IsActive) throw new DomainRuleException("parentCode", "Đơn vị cấp trên đang bị tạm ngừng hoạt động.");
        var code = Tenant.NormalizeCode(command.Code);

        User? secretary = null;
        if (command.FirstSecretary is { } first)
        {
            (secretary, _) = await PersonAccounts.FindOrCreateAsync(users, first.Email, first.FullName, first.UserName,
                first.InitialPassword, clock.GetUtcNow(), fieldPrefix: "firstSecretary.");
        }
        var child = parent.CreateChild(code, command.Name, command.Kind, command.LevelLabel, clock.GetUtcNow());
        await provisioner.ProvisionAsync(child, secretary, command.FirstSecretary?.Position ?? "Bí thư", ct);
        return TenantDto.From(child);
    }
}

public sealed class ProvisionChildTenantEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/tenants", async (ProvisionChildTenantCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var tenant = await mediator.Send(command, ct);
            return Results.Created($"/t/{tenant.Code}/api/tenant", tenant);
        })
        .WithTags("Tenants").WithSummary("Provision a unit below the current tenant, with its first secretary")
        .Produces<TenantDto>(StatusCodes.Status201Created).WithCommandProblems();
}
