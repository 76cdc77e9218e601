using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// Bảng theo dõi báo cáo: per child, not submitted / on time / late / overdue / returned, and the indicators added up
/// across the children and across their whole subtrees. Read from this tenant's own slots only (each submission
/// carried its subtree's cells up), so it costs one indexed scan of the request's slots however deep the tree is.
/// </summary>
[RequirePermission(Permissions.ReportsView)]
public sealed record GetReportRequestQuery(Guid Id) : IQuery<ReportBoard>;

public sealed class GetReportRequestHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<GetReportRequestQuery, ReportBoard>
{
    public async ValueTask<ReportBoard> Handle(GetReportRequestQuery query, CancellationToken ct)
    {
        var r = await db.ReportRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, ct) ?? throw new NotFoundException("request");
        var slots = await db.ReportSlots.AsNoTracking().Where(s => s.RequestId == r.Id).OrderBy(s => s.ChildName).ToListAsync(ct);
        return Build(r, slots, clock.Today());
    }

    public static ReportBoard Build(ReportRequest r, IReadOnlyList<ReportSlot> slots, DateOnly today)
    {
        var dtos = slots.Select(s => new ReportSlotDto(s.Id, s.ChildTenantId, s.ChildCode, s.ChildName, s.State, s.StatusOn(today), s.Deadline,
            s.Revision, s.SubmittedAt, s.SubmittedLate, s.LastComment, s.SubtreeUnits, [.. s.Indicators.Select(i => i.ToDto())],
            [.. s.Sections.Select(x => x.ToDto())], [.. s.History.Select(h => h.ToDto())], s.Version)).ToList();
        return new ReportBoard(r.Id, r.Kind, ReportPeriods.KindName(r.Kind), r.Year, r.Number, r.PeriodName, r.PeriodFrom, r.PeriodTo, r.OpensOn,
            r.Deadline, r.Subject, r.Guidance, r.TemplateName, r.SentBy, r.SentAt, r.ForwardedFromReportId, ReportMapping.Count(dtos.Select(d => d.Status)),
            dtos, ReportMapping.Aggregate(r.Indicators, slots), [.. r.Sections.Select(s => new TemplateSectionDto(s.Title, s.Guidance))]);
    }
}

/// <summary>The requests this unit sent (including those it forwarded), newest first, with their board counts.</summary>
[RequirePermission(Permissions.ReportsView)]
public sealed record ListReportRequestsQuery(int? Year = null) : IQuery<IReadOnlyList<ReportRequestSummary>>;

public sealed class ListReportRequestsHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ListReportRequestsQuery, IReadOnlyList<ReportRequestSummary>>
{
    public async ValueTask<IReadOnlyList<ReportRequestSummary>> Handle(ListReportRequestsQuery query, CancellationToken ct)
    {
        var requests = await db.ReportRequests.AsNoTracking().Where(r => query.Year == null || r.Year == query.Year)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.PeriodFrom).ThenByDescending(r => r.SentAt).ToListAsync(ct);
        var ids = requests.Select(r => r.Id).ToList();
        var slots = await db.ReportSlots.AsNoTracking().Where(s => ids.Contains(s.RequestId))
            .Select(s => new { s.RequestId, s.State, s.SubmittedLate, s.Deadline }).ToListAsync(ct);
        var today = clock.Today();
        return [.. requests.Select(r =>
        {
            var mine = slots.Where(s => s.RequestId == r.Id).ToList();
            return new ReportRequestSummary(r.Id, r.Kind, ReportPeriods.KindName(r.Kind), r.PeriodName, r.Subject, r.OpensOn, r.Deadline, mine.Count,
                ReportMapping.Count(mine.Select(s => ReportRules.BoardStatusOf(s.State, s.SubmittedLate, s.Deadline, today))), r.ForwardedFromReportId);
        })];
    }
}

public sealed class GetReportRequestEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/report-requests", (int? year, IMediator m, CancellationToken ct) => m.Send(new ListReportRequestsQuery(year), ct))
            .WithTags("Reports").WithSummary("The report requests this unit sent").Produces<IReadOnlyList<ReportRequestSummary>>().WithTenantProblems();
        api.MapGet("/report-requests/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetReportRequestQuery(id), ct))
            .WithTags("Reports").WithSummary("A request's live board: each child's status and the indicators aggregated (children and subtree)")
            .Produces<ReportBoard>().WithTenantProblems();
    }
}
