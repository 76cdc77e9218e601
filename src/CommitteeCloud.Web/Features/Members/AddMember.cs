using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace CommitteeCloud.Web.Features.Members;

/// <summary>
/// Thêm thành viên: adds a person to the current tenant with roles. An existing account (found by e-mail) is
/// reused, since one person has one account across tenants; otherwise one is created with the initial password.
/// The person is told at once, live and in their inbox (see <see cref="Notifications.MemberAddedNotifier"/>).
/// </summary>
[RequirePermission(Permissions.MembersManage)]
public sealed record AddMemberCommand(
    string Email, string? UserName, string? FullName, string? Position, string[] Roles, string? InitialPassword)
    : ICommand<AddMemberResult>;

public sealed record AddMemberResult(Guid MembershipId, Guid UserId, bool NewAccount);

public sealed class AddMemberValidator : AbstractValidator<AddMemberCommand>
{
    public AddMemberValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(x => x.UserName).MaximumLength(64).Matches("^[a-zA-Z0-9._@-]+$")
            .WithMessage("Tên đăng nhập chỉ gồm chữ không dấu, số và . _ - @");
        RuleFor(x => x.FullName).MaximumLength(User.FullNameMaxLength);
        RuleFor(x => x.Position).MaximumLength(Membership.PositionMaxLength);
        RuleFor(x => x.Roles).NotEmpty();
        RuleForEach(x => x.Roles).NotEmpty().MaximumLength(TenantRole.NameMaxLength);
        RuleFor(x => x.InitialPassword).MaximumLength(128);
    }
}

public sealed class AddMemberHandler(AppDbContext db, UserManager<User> users, TimeProvider clock)
    : ICommandHandler<AddMemberCommand, AddMemberResult>
{
    public async ValueTask<AddMemberResult> Handle(AddMemberCommand command, CancellationToken ct)
    {
        var wanted = command.Roles.Distinct().ToArray();
        var roles = await db.TenantRoles.Where(r => wanted.Contains(r.Name)).ToListAsync(ct);
        var missing = wanted.Except(roles.Select(r => r.Name)).FirstOrDefault();
        if (missing is not null) throw new DomainRuleException("roles", $"Vai trò không tồn tại: {missing}");

        var (user, created) = await PersonAccounts.FindOrCreateAsync(
            users, command.Email, command.FullName, command.UserName, command.InitialPassword, clock.GetUtcNow());
        if (!created && await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct))
            throw new ConflictException("Người này đã là thành viên của đơn vị.");

        var membership = new Membership(user.Id, command.Position, roles, clock.GetUtcNow());
        db.Memberships.Add(membership);
        return new AddMemberResult(membership.Id, user.Id, created);
    }
}

public sealed class AddMemberEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/members", async (AddMemberCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(command, ct);
            return Results.Created($"/api/members/{result.MembershipId}", result);
        })
        .WithTags("Members").WithSummary("Add a person to the tenant with roles; they are notified live")
        .Produces<AddMemberResult>(StatusCodes.Status201Created).WithCommandProblems();
}
