using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Members;

/// <summary>
/// Removes a person from the tenant (their account stays: they may belong elsewhere). A leader assignment held by
/// them lapses and the secretaries are told (see LeaderAssignments).
/// </summary>
[RequirePermission(Permissions.MembersManage)]
public sealed record RemoveMemberCommand(Guid MembershipId) : ICommand;

public sealed class RemoveMemberHandler(AppDbContext db) : ICommandHandler<RemoveMemberCommand>
{
    public async ValueTask<Unit> Handle(RemoveMemberCommand command, CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == command.MembershipId, ct)
            ?? throw new NotFoundException("membership");
        membership.Remove();
        db.Memberships.Remove(membership);
        await MemberSafety.EnsureSomeoneCanStillManageAsync(db, ct);
        return Unit.Value;
    }
}

public sealed class RemoveMemberEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/members/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RemoveMemberCommand(id), ct);
            return Results.NoContent();
        })
        .WithTags("Members").WithSummary("Remove a person from the tenant").WithCommandProblems();
}
