using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Members;

/// <summary>Changes a member's roles and position (chức vụ).</summary>
[RequirePermission(Domain.Memberships.Permissions.MembersManage)]
public sealed record UpdateMemberCommand(Guid MembershipId, string[] Roles, string? Position) : ICommand;

public sealed record UpdateMemberBody(string[] Roles, string? Position);

public sealed class UpdateMemberValidator : AbstractValidator<UpdateMemberCommand>
{
    public UpdateMemberValidator()
    {
        RuleFor(x => x.Roles).NotEmpty();
        RuleForEach(x => x.Roles).NotEmpty().MaximumLength(TenantRole.NameMaxLength);
        RuleFor(x => x.Position).MaximumLength(Membership.PositionMaxLength);
    }
}

public sealed class UpdateMemberHandler(AppDbContext db) : ICommandHandler<UpdateMemberCommand>
{
    public async ValueTask<Unit> Handle(UpdateMemberCommand command, CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == command.MembershipId, ct)
            ?? throw new NotFoundException("membership");
        var wanted = command.Roles.Distinct().ToArray();
        var roles = await db.TenantRoles.Where(r => wanted.Contains(r.Name)).ToListAsync(ct);
        var missing = wanted.Except(roles.Select(r => r.Name)).FirstOrDefault();
        if (missing is not null) throw new DomainRuleException("roles", $"Vai trò không tồn tại: {missing}");
        membership.ChangeRoles(roles);
        membership.ChangePosition(command.Position);
        await MemberSafety.EnsureSomeoneCanStillManageAsync(db, ct);
        return Unit.Value;
    }
}

/// <summary>A tenant never loses its last member who can manage members: nobody could repair it from inside.</summary>
internal static class MemberSafety
{
    public static async Task EnsureSomeoneCanStillManageAsync(AppDbContext db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var managers = await db.TenantRoles.Where(r => r.Permissions.Contains(Domain.Memberships.Permissions.MembersManage)).Select(r => r.Id).ToListAsync(ct);
        var remaining = await db.Memberships.CountAsync(m => m.RoleIds.Any(id => managers.Contains(id)), ct);
        if (remaining == 0)
            throw new DomainRuleException("roles", "Đơn vị phải còn ít nhất một người quản lý thành viên (Bí thư).");
    }
}

public sealed class UpdateMemberEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/members/{id:guid}", async (Guid id, UpdateMemberBody body, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new UpdateMemberCommand(id, body.Roles, body.Position), ct);
            return Results.NoContent();
        })
        .WithTags("Members").WithSummary("Change a member's roles and position").WithCommandProblems();
}
