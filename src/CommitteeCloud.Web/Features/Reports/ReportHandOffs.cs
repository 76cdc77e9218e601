using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// Delivers report requests to direct children (ADR 0005): the parent's request and one slot per child here, then,
/// acting in each child's tenant inside the same transaction, the child's own report row and its inbox notification.
/// All or nothing; a second delivery of the same period to the same child is refused before anything is written.
/// </summary>
public sealed class ReportHandOffs(AppDbContext db, ITenantContext context, TaskAudience audience, Inbox inbox, TimeProvider clock, AfterCommit afterCommit,
    LivePush push)
{
    /// <summary>Those who write or approve the unit's reports, each once, whichever of the two permissions they hold.</summary>
    public async Task NotifyUnitAsync(string kind, string title, string? body, string link, string dedupKey, CancellationToken ct, bool knownNew = false)
    {
        var people = (await audience.HoldersAsync(Permissions.ReportsSubmit, ct)).Union(await audience.HoldersAsync(Permissions.ReportsApprove, ct));
        foreach (var person in people.Distinct().Order())
            await inbox.AddAsync(person, kind, title, body, link, $"{dedupKey}:{person:N}", ct, knownNew);
    }

    public async Task SendAsync(IReadOnlyList<ReportRequest> requests, IReadOnlyList<TenantInfo> recipients, string actor, CancellationToken ct)
    {
        var current = context.Tenant!;
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var ids = recipients.Select(r => r.Id).ToList();
        foreach (var request in requests.Where(r => r.ForwardedFromReportId is null && r.Number is not null))
        {
            // A periodic report is asked once per period per child (a recurring request and a one-off must not both ask for Q2).
            var already = await db.ReportSlots
                .Where(s => ids.Contains(s.ChildTenantId) && db.ReportRequests.Any(r => r.Id == s.RequestId && r.ForwardedFromReportId == null
                    && r.Kind == request.Kind && r.Year == request.Year && r.Number == request.Number))
                .Select(s => s.ChildName).Distinct().ToListAsync(ct);
            if (already.Count > 0)
                throw new DomainRuleException("childTenantIds", $"Đã yêu cầu báo cáo {request.PeriodName} đối với: {string.Join(", ", already)}.");
        }

        var slots = new List<(ReportRequest Request, TenantInfo Recipient, ReportSlot Slot)>();
        foreach (var request in requests)
        {
            db.ReportRequests.Add(request);
            foreach (var recipient in recipients)
            {
                var slot = new ReportSlot(request, recipient.Id, recipient.Code, recipient.Name);
                db.ReportSlots.Add(slot);
                slots.Add((request, recipient, slot));
            }
        }
        await db.SaveChangesAsync(ct);

        await using (var turn = db.ActInTenantsInTurn())
        {
            foreach (var group in slots.GroupBy(s => s.Recipient.Id))
            {
                var recipient = group.First().Recipient;
                await using (await turn.EnterAsync(recipient, ct))
                {
                    foreach (var (request, _, slot) in group)
                    {
                        var report = Report.Received(slot.ChildReportId, current.Id, current.Name, request, slot, actor, now);
                        db.Reports.Add(report);
                        var title = $"{current.Name} yêu cầu báo cáo {request.PeriodName}";
                        var body = request.OpensOn > today
                            ? $"{request.Subject}. Mở kỳ báo cáo từ {request.OpensOn:dd/MM/yyyy}, hạn nộp {slot.Deadline:dd/MM/yyyy}."
                            : $"{request.Subject}. Hạn nộp: {slot.Deadline:dd/MM/yyyy}.";
                        var link = $"/t/{recipient.Code}/reports/received?id={report.Id}";
                        await NotifyUnitAsync(ReportEvents.Requested, title, body, link, $"{ReportEvents.Requested}:{report.Id:N}", ct, knownNew: true);
                    }
                }
                var code = recipient.Id;
                afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(code, ReportEvents.BoardChanged, null)));
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var request in requests)
        {
            var id = request.Id;
            afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(current.Id, ReportEvents.BoardChanged, id)));
        }
    }
}
