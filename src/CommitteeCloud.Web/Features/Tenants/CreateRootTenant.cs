using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>A platform operator creates the root of a tree (a province committee, a central bloc) with its secretary.</summary>
[PlatformRequest]
public sealed record CreateRootTenantCommand(string Code, string Name, TenantKind Kind, string LevelLabel, string SecretaryUserName, string? SecretaryPosition)
    : ICommand<TenantDto>;

public sealed class CreateRootTenantValidator : AbstractValidator<CreateRootTenantCommand>
{
    public CreateRootTenantValidator()
    {
        RuleFor(x => x.Code).TenantCode();
        RuleFor(x => x.Name).TenantName();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.LevelLabel).LevelLabel();
        RuleFor(x => x.SecretaryUserName).NotEmpty().MaximumLength(256);
        RuleFor(x => x.SecretaryPosition).MaximumLength(256);
    }
}

public sealed class CreateRootTenantHandler(UserManager<User> users, TenantProvisioner provisioner, TimeProvider clock)
    : ICommandHandler<CreateRootTenantCommand, TenantDto>
{
    public async ValueTask<TenantDto> Handle(CreateRootTenantCommand command, CancellationToken ct)
    {
        var code = Tenant.NormalizeCode(command.Code);
        var secretary = await users.FindByNameAsync(command.SecretaryUserName) ?? await users.FindByEmailAsync(command.SecretaryUserName)
            ?? throw new DomainRuleException("secretaryUserName", "Không tìm thấy tài khoản này.");
        var tenant = Tenant.CreateRoot(code, command.Name, command.Kind, command.LevelLabel, clock.GetUtcNow());
        await provisioner.ProvisionAsync(tenant, secretary, command.SecretaryPosition, ct);
        return TenantDto.From(tenant);
    }
}

public sealed class CreateRootTenantEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/platform/tenants", async (CreateRootTenantCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var tenant = await mediator.Send(command, ct);
            return Results.Created($"/t/{tenant.Code}/api/tenant", tenant);
        })
        .WithTags("Platform").WithSummary("Create a root tenant with its first secretary (platform operators only)")
        .Produces<TenantDto>(StatusCodes.Status201Created).WithCommandProblems();
}
