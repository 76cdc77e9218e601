using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// Bảng theo dõi báo cáo: per child, not submitted / on time / late / overdue / returned, and the indicators added up
/// across the children and across their whole subtrees. Read from this tenant's own slots only (each submission
/// carried its subtree's cells up), so it costs one indexed scan of the request's slots however deep the tree is.
/// </summary>
/// <remarks>
/// <see cref="WithContent"/> adds each slot's figures, sections and history (the export needs them); without it the
/// board reads the slots' scalar columns only and adds the indicators up in PostgreSQL (jsonb), so that a request to
/// 1,000 units answers without materializing 1,000 reports (bench/report-aggregate.sh).
/// </remarks>
[RequirePermission(Permissions.ReportsView)]
public sealed record GetReportRequestQuery(Guid Id, bool WithContent = false) : IQuery<ReportBoard>;

public sealed class GetReportRequestHandler(AppDbContext db, ITenantContext context, TimeProvider clock) : IQueryHandler<GetReportRequestQuery, ReportBoard>
{
    public async ValueTask<ReportBoard> Handle(GetReportRequestQuery query, CancellationToken ct)
    {
        var r = await db.ReportRequests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, ct) ?? throw new NotFoundException("request");
        if (query.WithContent)
            return Build(r, await db.ReportSlots.AsNoTracking().Where(s => s.RequestId == r.Id).OrderBy(s => s.ChildName).ToListAsync(ct), clock.Today());

        var today = clock.Today();
        var rows = await db.ReportSlots.AsNoTracking().Where(s => s.RequestId == r.Id).OrderBy(s => s.ChildName)
            .Select(s => new { s.Id, s.ChildTenantId, s.ChildCode, s.ChildName, s.State, s.SubmittedLate, s.Deadline, s.Revision, s.SubmittedAt, s.LastComment, s.SubtreeUnits, s.Version })
            .ToListAsync(ct);
        var dtos = rows.Select(s => new ReportSlotDto(s.Id, s.ChildTenantId, s.ChildCode, s.ChildName, s.State,
            ReportRules.BoardStatusOf(s.State, s.SubmittedLate, s.Deadline, today), s.Deadline, s.Revision, s.SubmittedAt, s.SubmittedLate, s.LastComment,
            s.SubtreeUnits, [], [], [], s.Version)).ToList();
        var tenant = context.Tenant!.Id;
        // Only submitted slots count, as in ReportMapping.Aggregate; the cells' JSON names are the CLR property names.
        var children = await Cells(db.Database.SqlQuery<string>($"""
            SELECT coalesce(jsonb_agg(jsonb_build_object('Key', k, 'Sum', s, 'Count', n, 'Yes', y)), '[]')::text AS "Value" FROM (
                SELECT i->>'Key' AS k, coalesce(sum((i->>'Value')::numeric), 0) AS s,
                       count(*) FILTER (WHERE jsonb_typeof(i->'Value') = 'number') AS n,
                       count(*) FILTER (WHERE jsonb_typeof(i->'Value') = 'number' AND (i->>'Value')::numeric > 0) AS y
                FROM report_slots r CROSS JOIN LATERAL jsonb_array_elements(r.indicators) i
                WHERE r.tenant_id = {tenant} AND r.request_id = {r.Id} AND r.state = 'Submitted' GROUP BY 1) x
            """), ct);
        var subtree = await Cells(db.Database.SqlQuery<string>($"""
            SELECT coalesce(jsonb_agg(jsonb_build_object('Key', k, 'Sum', s, 'Count', n, 'Yes', y)), '[]')::text AS "Value" FROM (
                SELECT c->>'Key' AS k, sum((c->>'Sum')::numeric) AS s, sum((c->>'Count')::int) AS n, sum((c->>'Yes')::int) AS y
                FROM report_slots r CROSS JOIN LATERAL jsonb_array_elements(r.subtree_cells) c
                WHERE r.tenant_id = {tenant} AND r.request_id = {r.Id} AND r.state = 'Submitted' GROUP BY 1) x
            """), ct);
        var aggregate = r.Indicators.Select(i =>
        {
            var c = children.GetValueOrDefault(i.Key);
            var t = subtree.GetValueOrDefault(i.Key);
            return new AggregateRow(i.Key, i.Name, i.Unit, i.Rule, c?.ValueBy(i.Rule), c?.Count ?? 0, t?.ValueBy(i.Rule), t?.Count ?? 0);
        }).ToList();
        return new ReportBoard(r.Id, r.Kind, ReportPeriods.KindName(r.Kind), r.Year, r.Number, r.PeriodName, r.PeriodFrom, r.PeriodTo, r.OpensOn,
            r.Deadline, r.Subject, r.Guidance, r.TemplateName, r.SentBy, r.SentAt, r.ForwardedFromReportId, ReportMapping.Count(dtos.Select(d => d.Status)),
            dtos, aggregate, [.. r.Sections.Select(s => new TemplateSectionDto(s.Title, s.Guidance))]);
    }

    private static async Task<Dictionary<string, AggregateCell>> Cells(IQueryable<string> query, CancellationToken ct) =>
        (System.Text.Json.JsonSerializer.Deserialize<List<AggregateCell>>(await query.SingleAsync(ct)) ?? []).ToDictionary(c => c.Key);

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
        api.MapGet("/report-requests/{id:guid}", (Guid id, bool? content, IMediator m, CancellationToken ct) =>
                m.Send(new GetReportRequestQuery(id, content ?? false), ct))
            .WithTags("Reports").WithSummary("A request's live board: each child's status and the indicators aggregated (children and subtree); ?content=true adds each child's figures, sections and history")
            .Produces<ReportBoard>().WithTenantProblems();
    }
}
