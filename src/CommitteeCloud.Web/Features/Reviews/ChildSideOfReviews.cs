using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>
/// Nhận kết quả từ cấp trên, in the unit's tenant: its result, the published ranking (as published, nothing more), or
/// the reopening. Each applies only to the sheet the event names and only if newer than what it holds; the unit's
/// people are told in their inbox and the unit's pages refresh live.
/// </summary>
public sealed class ChildSideOfReviews(AppDbContext db, ITenantContext context, TaskAudience audience, AfterCommit afterCommit, LivePush push)
    : IDomainEventHandler<ReviewResultIssued>, IDomainEventHandler<ReviewRankingPublished>, IDomainEventHandler<ReviewReopened>
{
    public async ValueTask HandleAsync(ReviewResultIssued e, DomainEventContext eventContext, CancellationToken ct)
    {
        var s = await FindAsync(e.AssessmentId, e.CycleId, ct);
        if (s is null || !s.ApplyResult(e)) return;
        var result = e.NotEligibleReason is null ? $"{e.Total:0.##} điểm, xếp loại {e.Band}" : $"không xếp loại ({e.NotEligibleReason})";
        await TellAsync(s, ReviewEvents.Finalized, $"{e.ParentName} đã chốt kết quả đánh giá: {result}", e.CycleTitle, eventContext, ct);
    }

    public async ValueTask HandleAsync(ReviewRankingPublished e, DomainEventContext eventContext, CancellationToken ct)
    {
        var s = await FindAsync(e.AssessmentId, e.CycleId, ct);
        if (s is null || !s.ApplyPublication(e)) return;
        var rank = e.Rank is { } r ? $"xếp thứ {r}/{e.RankedUnits}" : "không xếp hạng";
        await TellAsync(s, ReviewEvents.Published, $"{e.ParentName} công bố kết quả xếp loại: đơn vị {rank}", e.CycleTitle, eventContext, ct);
    }

    public async ValueTask HandleAsync(ReviewReopened e, DomainEventContext eventContext, CancellationToken ct)
    {
        var s = await FindAsync(e.AssessmentId, e.CycleId, ct);
        if (s is null || !s.ApplyReopening(e)) return;
        await TellAsync(s, ReviewEvents.Reopened, $"{e.ParentName} mở lại đợt đánh giá (hạn {e.Deadline:dd/MM/yyyy})", $"Lý do: {e.Reason}", eventContext, ct);
    }

    private Task<SelfAssessment?> FindAsync(Guid id, Guid cycleId, CancellationToken ct) =>
        db.SelfAssessments.FirstOrDefaultAsync(s => s.Id == id && s.CycleId == cycleId, ct);

    private async Task TellAsync(SelfAssessment s, string kind, string title, string body, DomainEventContext eventContext, CancellationToken ct)
    {
        var tenant = context.Tenant!;
        await audience.NotifyAsync(Permissions.ReviewsSelfAssess, null, kind, title, body, $"/t/{tenant.Code}/reviews/self/{s.Id}",
            $"{kind}:{s.Id:N}:{eventContext.EventId:N}", ct);
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(tenant.Id, ReviewEvents.Changed, s.Id)));
    }
}
