using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// Nhận báo cáo từ cấp dưới, in the parent's tenant: copies the child's submission (its figures, its subtree's
/// cells, its text) onto the slot (older or repeated deliveries change nothing), tells those who manage reports and
/// pushes the board live. If this request was itself forwarded from a report this unit owes its own parent, that
/// report's page is pushed too (its children's aggregate changed).
/// </summary>
public sealed class ParentSideOfReports(AppDbContext db, ITenantContext context, TaskAudience audience, AfterCommit afterCommit, LivePush push,
    ILogger<ParentSideOfReports> logger) : IDomainEventHandler<ReportSubmitted>
{
    public async ValueTask HandleAsync(ReportSubmitted report, DomainEventContext eventContext, CancellationToken ct)
    {
        var current = context.Tenant!;
        var slot = await db.ReportSlots.FirstOrDefaultAsync(s => s.Id == report.SlotId && s.RequestId == report.RequestId
            && s.ChildTenantId == report.ChildTenantId && s.ChildReportId == report.ReportId, ct);
        if (slot is null)
        {
            // A report that matches no slot here is dropped, never applied elsewhere.
            logger.LogWarning("Report submission for slot {Slot} matches nothing in {Tenant}", report.SlotId, current.Code);
            return;
        }
        if (!slot.Apply(report)) return;
        var request = await db.ReportRequests.AsNoTracking().FirstAsync(r => r.Id == slot.RequestId, ct);
        await audience.NotifyAsync(Permissions.ReportsManage, null, ReportEvents.Submitted,
            $"{slot.ChildName} đã gửi báo cáo {request.PeriodName}{(report.SubmittedLate ? " (muộn)" : "")}", request.Subject,
            $"/t/{current.Code}/reports/sent?id={slot.RequestId}", $"{ReportEvents.Submitted}:{slot.Id:N}:{report.Sequence}", ct);
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(current.Id, ReportEvents.BoardChanged, slot.RequestId)));
        if (request.ForwardedFromReportId is { } own)
            afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(current.Id, ReportEvents.BoardChanged, own)));
    }
}
