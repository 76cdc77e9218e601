using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Commitments;

/// <summary>
/// Nhận bản đăng ký từ cấp dưới, in the parent's tenant: applies the child's registration to its slot (older or
/// repeated reports change nothing), tells the people who manage plans and pushes the board live.
/// </summary>
public sealed class ParentSideOfCommitments(AppDbContext db, ITenantContext context, TaskAudience audience, AfterCommit afterCommit, LivePush push,
    ILogger<ParentSideOfCommitments> logger) : IDomainEventHandler<CommitmentReported>
{
    public async ValueTask HandleAsync(CommitmentReported report, DomainEventContext eventContext, CancellationToken ct)
    {
        var current = context.Tenant!;
        var slot = await db.CommitmentSlots.FirstOrDefaultAsync(s => s.Id == report.SlotId && s.RoundId == report.RoundId
            && s.ChildTenantId == report.ChildTenantId && s.ChildCommitmentId == report.CommitmentId, ct);
        if (slot is null)
        {
            // A report that matches no slot here is dropped, never applied elsewhere.
            logger.LogWarning("Commitment report for slot {Slot} matches nothing in {Tenant}", report.SlotId, current.Code);
            return;
        }
        if (!slot.Apply(report)) return;
        if (report.Entry.Kind == CommitmentEntryKind.Submitted)
        {
            await audience.NotifyAsync(Permissions.PlansManage, null, CommitmentEvents.Submitted,
                $"{slot.ChildName} đã đăng ký thi đua (lần {report.Revision})", report.TitleSought,
                $"/t/{current.Code}/commitments?round={slot.RoundId}", $"{CommitmentEvents.Submitted}:{slot.Id:N}:{report.Sequence}", ct);
        }
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(current.Id, CommitmentEvents.BoardChanged, slot.RoundId)));
    }
}
