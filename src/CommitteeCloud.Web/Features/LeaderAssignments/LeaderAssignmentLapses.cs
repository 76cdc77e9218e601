using CommitteeCloud.Domain.LeaderAssignments;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.LeaderAssignments;

/// <summary>
/// When the leader leaves the unit their assignment lapses; when an assignment lapses (leader gone or end date
/// passed) the unit's secretaries are told, live and in their inbox.
/// </summary>
public sealed class LeaderAssignmentLapses(AppDbContext db, ITenantContext context, Inbox inbox)
    : IDomainEventHandler<MemberRemoved>, IDomainEventHandler<LeaderAssignmentLapsed>
{
    public const string Kind = "leader-assignment-lapsed";

    public async ValueTask HandleAsync(MemberRemoved removed, DomainEventContext eventContext, CancellationToken ct)
    {
        var held = await db.LeaderAssignments
            .Where(a => a.LeaderMembershipId == removed.MembershipId && a.Status == LeaderAssignmentStatus.Current)
            .ToListAsync(ct);
        foreach (var assignment in held) assignment.Lapse("Người được phân công không còn là thành viên của đơn vị.");
    }

    public async ValueTask HandleAsync(LeaderAssignmentLapsed lapsed, DomainEventContext eventContext, CancellationToken ct)
    {
        var assignment = await db.LeaderAssignments.AsNoTracking().FirstAsync(a => a.Id == lapsed.AssignmentId, ct);
        var tenant = context.Tenant!;
        var managers = await db.TenantRoles
            .Where(r => r.Permissions.Contains(Permissions.LeadersManage) && r.Permissions.Contains(Permissions.MembersManage))
            .Select(r => r.Id).ToListAsync(ct);
        var secretaries = await db.Memberships.Where(m => m.RoleIds.Any(id => managers.Contains(id))).Select(m => m.UserId).ToListAsync(ct);
        foreach (var userId in secretaries)
        {
            await inbox.AddAsync(userId, Kind,
                $"{tenant.Name}: quyết định phân công lãnh đạo phụ trách công tác dân vận đã hết hiệu lực",
                $"Quyết định {assignment.DecisionNumber} ({assignment.LeaderName}): {lapsed.Reason} Cần ban hành quyết định phân công mới.",
                $"/t/{tenant.Code}/leader-assignments",
                dedupKey: $"{Kind}:{eventContext.EventId:N}", ct);
        }
    }
}
