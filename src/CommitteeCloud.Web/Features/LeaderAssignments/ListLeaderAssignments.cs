using CommitteeCloud.Domain.LeaderAssignments;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform;

namespace CommitteeCloud.Web.Features.LeaderAssignments;

/// <summary>The unit's assignments, newest first, with whether one is in force today.</summary>
[RequirePermission(Permissions.TenantView)]
public sealed record ListLeaderAssignmentsQuery : IQuery<LeaderAssignmentList>;

public sealed record LeaderAssignmentList(bool HasAssignmentInForce, IReadOnlyList<LeaderAssignmentDto> Assignments);

public sealed record LeaderAssignmentDto(
    Guid Id, string DecisionNumber, DateOnly DecisionDate, string Signer, string SignerCapacity, Guid LeaderMembershipId,
    string LeaderName, string Position, string Scope, Guid[] ScopeUnitIds, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    string? AttachmentName, LeaderAssignmentStatus Status, bool InForce, string? LapseReason, uint Version)
{
    public static LeaderAssignmentDto From(LeaderAssignment a, DateOnly? today) => new(
        a.Id, a.DecisionNumber, a.DecisionDate, a.Signer, a.SignerCapacity, a.LeaderMembershipId, a.LeaderName, a.Position,
        a.Scope, [.. a.ScopeUnitIds], a.EffectiveFrom, a.EffectiveTo, a.AttachmentName, a.Status,
        today is { } d && a.IsInForce(d), a.LapseReason, a.Version);
}

public sealed class ListLeaderAssignmentsHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ListLeaderAssignmentsQuery, LeaderAssignmentList>
{
    public async ValueTask<LeaderAssignmentList> Handle(ListLeaderAssignmentsQuery query, CancellationToken ct)
    {
        var today = clock.Today();
        var all = await db.LeaderAssignments.AsNoTracking().OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.DecisionDate).ToListAsync(ct);
        var list = all.Select(a => LeaderAssignmentDto.From(a, today)).ToList();
        return new LeaderAssignmentList(list.Any(a => a.InForce), list);
    }
}

public sealed class ListLeaderAssignmentsEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/leader-assignments", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListLeaderAssignmentsQuery(), ct))
        .WithTags("Leader assignments").WithSummary("The unit's leader assignments, newest first")
        .Produces<LeaderAssignmentList>().WithTenantProblems();
}
