using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Roles;

/// <summary>
/// A secretary adjusts a role bundle. Optimistic concurrency: <see cref="Version"/> is the one the editor read; if
/// someone saved in between, the edit is refused with 409 instead of silently overwriting theirs.
/// </summary>
[RequirePermission(Domain.Memberships.Permissions.RolesManage)]
public sealed record UpdateRoleCommand(Guid Id, string DisplayName, string[] Permissions, uint Version) : ICommand<RoleDto>;

public sealed record UpdateRoleBody(string DisplayName, string[] Permissions, uint Version);

public sealed class UpdateRoleValidator : AbstractValidator<UpdateRoleCommand>
{
    public UpdateRoleValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(TenantRole.DisplayNameMaxLength);
        RuleFor(x => x.Permissions).NotNull();
        RuleForEach(x => x.Permissions).Must(Domain.Memberships.Permissions.IsKnown).WithMessage("Quyền không tồn tại: {PropertyValue}");
    }
}

public sealed class UpdateRoleHandler(AppDbContext db) : ICommandHandler<UpdateRoleCommand, RoleDto>
{
    public async ValueTask<RoleDto> Handle(UpdateRoleCommand command, CancellationToken ct)
    {
        var role = await db.TenantRoles.FirstOrDefaultAsync(r => r.Id == command.Id, ct)
            ?? throw new NotFoundException("role");
        db.ExpectVersion(role, command.Version);
        role.Rename(command.DisplayName);
        role.SetPermissions(command.Permissions);
        await db.SaveChangesAsync(ct);
        return new RoleDto(role.Id, role.Name, role.DisplayName, [.. role.Permissions], role.Version);
    }
}

public sealed class UpdateRoleEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/roles/{id:guid}", (Guid id, UpdateRoleBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new UpdateRoleCommand(id, body.DisplayName, body.Permissions, body.Version), ct))
        .WithTags("Roles").WithSummary("Adjust a role bundle (send the version you read; 409 if it changed)")
        .Produces<RoleDto>().WithCommandProblems();
}
