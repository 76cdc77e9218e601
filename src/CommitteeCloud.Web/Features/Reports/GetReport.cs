using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// The unit's own report: while it can still change, the indicators bound to live figures show what the system
/// counts for the period now (an uncorrected figure follows it); when the unit forwarded the request to its own
/// children, their submitted figures added up, beside its own.
/// </summary>
[RequirePermission(Permissions.ReportsView)]
public sealed record GetReportQuery(Guid Id) : IQuery<ReportDetail>;

public sealed class GetReportHandler(AppDbContext db, TimeProvider clock, IEnumerable<IIndicatorSource> sources, PermissionService permissions,
    ITenantContext context) : IQueryHandler<GetReportQuery, ReportDetail>
{
    public async ValueTask<ReportDetail> Handle(GetReportQuery query, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, ct) ?? throw new NotFoundException("report");
        await ReportFigures.PrefillAsync(report, sources, ct);
        var today = clock.Today();
        var children = await ReportFigures.ChildrenSlotsAsync(db, report, ct);
        var held = context.UserId is { } user ? await permissions.GetAsync(context.Tenant!.Id, user, ct) : null;
        var canSubmit = held?.Contains(Permissions.ReportsSubmit) == true;
        var canApprove = held?.Contains(Permissions.ReportsApprove) == true;
        return ToDetail(report, children, today, canSubmit, canApprove);
    }

    public static ReportDetail ToDetail(Report r, IReadOnlyList<ReportSlot>? children, DateOnly today, bool canSubmit, bool canApprove) => new(
        r.Id, r.ParentTenantName, r.Kind, ReportPeriods.KindName(r.Kind), r.Year, r.Number, r.PeriodName, r.PeriodFrom, r.PeriodTo, r.OpensOn, r.Deadline,
        r.Subject, r.Guidance, r.State, ReportRules.BoardStatusOf(r.State, r.SubmittedLate, r.Deadline, today),
        [.. r.Sections.Select(s => s.ToDto())], [.. r.Indicators.Select(i => i.ToDto())], r.DocumentNumber, r.Place, r.SignerName, r.SignerCapacity,
        r.ApprovedBy, r.ApprovedAt, r.SubmittedAt, r.SubmittedLate, r.Revision, r.LastComment, r.IsOpen(today), canSubmit && r.CanEdit(today),
        canApprove && r.IsOpen(today) && r.State is ReportState.Draft or ReportState.Returned, canSubmit && r.State == ReportState.Approved,
        r.ForwardedRequestId,
        children is null ? null : ReportMapping.Aggregate([.. r.Indicators.Select(i => new TemplateIndicator { Key = i.Key, Name = i.Name, Unit = i.Unit, Rule = i.Rule })], children),
        [.. r.History.Select(h => h.ToDto())], r.Version);
}

/// <summary>The reports this unit was asked for, newest period first.</summary>
[RequirePermission(Permissions.ReportsView)]
public sealed record ListReportsQuery : IQuery<IReadOnlyList<ReportSummary>>;

public sealed class ListReportsHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ListReportsQuery, IReadOnlyList<ReportSummary>>
{
    public async ValueTask<IReadOnlyList<ReportSummary>> Handle(ListReportsQuery query, CancellationToken ct)
    {
        var today = clock.Today();
        var rows = await db.Reports.AsNoTracking().OrderByDescending(r => r.PeriodFrom).ThenByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, r.ParentTenantName, r.Kind, r.Year, r.Number, r.PeriodFrom, r.PeriodTo, r.Subject, r.OpensOn, r.Deadline, r.State, r.SubmittedLate })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ReportSummary(r.Id, r.ParentTenantName, r.Kind, ReportPeriods.KindName(r.Kind),
            ReportPeriods.Name(r.Kind, r.Year, r.Number, r.PeriodFrom, r.PeriodTo), r.Subject, r.OpensOn, r.Deadline, r.State,
            ReportRules.BoardStatusOf(r.State, r.SubmittedLate, r.Deadline, today), today >= r.OpensOn))];
    }
}

public static class ReportFigures
{
    /// <summary>Live figures of the report's period for its bound indicators (nothing once submitted: what was sent stays).</summary>
    public static async Task PrefillAsync(Report report, IEnumerable<IIndicatorSource> sources, CancellationToken ct)
    {
        if (report.State == ReportState.Submitted || report.Indicators.All(i => i.IndicatorCode is null)) return;
        if (report.State == ReportState.Approved) return;
        report.Prefill(await sources.CountAllAsync(report.PeriodFrom, report.PeriodTo, ct));
    }

    /// <summary>The slots of the request this unit forwarded from the report (its children's submissions), or null.</summary>
    public static async Task<IReadOnlyList<ReportSlot>?> ChildrenSlotsAsync(AppDbContext db, Report report, CancellationToken ct) =>
        report.ForwardedRequestId is { } forwarded
            ? await db.ReportSlots.AsNoTracking().Where(s => s.RequestId == forwarded).ToListAsync(ct)
            : null;
}

public sealed class GetReportEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/reports", (IMediator m, CancellationToken ct) => m.Send(new ListReportsQuery(), ct))
            .WithTags("Reports").WithSummary("The reports this unit was asked for").Produces<IReadOnlyList<ReportSummary>>().WithTenantProblems();
        api.MapGet("/reports/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetReportQuery(id), ct))
            .WithTags("Reports").WithSummary("The unit's report: pre-filled figures, corrections, sections, history, children's aggregate")
            .Produces<ReportDetail>().WithTenantProblems();
    }
}
