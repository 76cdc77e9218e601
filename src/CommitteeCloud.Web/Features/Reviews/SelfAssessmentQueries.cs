using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>The unit's own self-assessments (one per cycle its parent opened for it), newest first.</summary>
[RequirePermission(Permissions.ReviewsSelfAssess)]
public sealed record ListSelfAssessmentsQuery : IQuery<IReadOnlyList<SelfAssessmentSummary>>;

public sealed class ListSelfAssessmentsHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ListSelfAssessmentsQuery, IReadOnlyList<SelfAssessmentSummary>>
{
    public async ValueTask<IReadOnlyList<SelfAssessmentSummary>> Handle(ListSelfAssessmentsQuery query, CancellationToken ct)
    {
        var today = clock.Today();
        var list = await db.SelfAssessments.AsNoTracking().OrderByDescending(s => s.Year).ThenByDescending(s => s.Deadline)
            .Select(s => new { s.Id, s.Year, s.Title, s.ParentName, s.Deadline, s.State, s.Total, s.Band, s.Rank }).ToListAsync(ct);
        return [.. list.Select(s => new SelfAssessmentSummary(s.Id, s.Year, s.Title, s.ParentName, s.Deadline, s.State,
            s.State is SelfAssessmentState.Locked or SelfAssessmentState.Finalized || today > s.Deadline, s.Total, s.Band, s.Rank))];
    }
}

/// <summary>
/// Phiếu tự đánh giá: the sheet with the unit's scores, pre-filled from its live figures for the cycle's year where a
/// criterion is bound to one and not yet scored; the appraisers' adjustments with their reasons; the result once issued.
/// </summary>
[RequirePermission(Permissions.ReviewsSelfAssess)]
public sealed record GetSelfAssessmentQuery(Guid Id) : IQuery<SelfAssessmentDetail>;

public sealed class GetSelfAssessmentHandler(AppDbContext db, IEnumerable<IIndicatorSource> sources, TimeProvider clock)
    : IQueryHandler<GetSelfAssessmentQuery, SelfAssessmentDetail>
{
    public async ValueTask<SelfAssessmentDetail> Handle(GetSelfAssessmentQuery query, CancellationToken ct)
    {
        var s = await db.SelfAssessments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.Id, ct) ?? throw new NotFoundException("self-assessment");
        var today = clock.Today();
        if (s.State == SelfAssessmentState.Draft && !s.IsLocked(today))
            s.Prefill(await LiveFigures.ForAsync(s, sources, today, ct));
        return SelfAssessmentMapping.ToDetail(s, today);
    }
}

internal static class LiveFigures
{
    /// <summary>The unit's figures for the cycle's year, up to today while the year runs.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> ForAsync(SelfAssessment s, IEnumerable<IIndicatorSource> sources, DateOnly today, CancellationToken ct)
    {
        var wanted = s.Sheet.Criteria.Where(c => c.Live is not null).Select(c => c.Live!.IndicatorCode)
            .Concat(s.Sheet.Deductions.Where(d => d.IndicatorCode is not null).Select(d => d.IndicatorCode!)).ToHashSet();
        if (wanted.Count == 0) return new Dictionary<string, decimal>();
        var relevant = sources.Where(src => src.Indicators.Any(i => wanted.Contains(i.Code)));
        return await relevant.CountAllAsync(s.PeriodFrom, today < s.PeriodTo ? today : s.PeriodTo, ct);
    }
}

internal static class SelfAssessmentMapping
{
    public static SelfAssessmentDetail ToDetail(SelfAssessment s, DateOnly today)
    {
        var locked = s.IsLocked(today);
        return new SelfAssessmentDetail(s.Id, s.Year, s.Title, s.ParentName, s.Deadline, s.PeriodFrom, s.PeriodTo, s.State, locked,
            !locked && s.State == SelfAssessmentState.Draft, !locked && s.State == SelfAssessmentState.Draft, !locked && s.State == SelfAssessmentState.Submitted,
            s.Sheet, s.Lines, ReviewScoring.Compute(s.Sheet, s.Lines), s.SubmittedAt, s.Total, s.Band, s.NotEligibleReason, s.Rank, s.RankedUnits,
            s.Publication, s.PublishedRanking, s.Version);
    }
}

public sealed class SelfAssessmentQueriesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/self-assessments", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListSelfAssessmentsQuery(), ct))
            .WithTags("Reviews").WithSummary("The unit's own self-assessments").Produces<IReadOnlyList<SelfAssessmentSummary>>().WithTenantProblems();
        api.MapGet("/self-assessments/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetSelfAssessmentQuery(id), ct))
            .WithTags("Reviews").WithSummary("The unit's self-assessment sheet, pre-filled from live figures").Produces<SelfAssessmentDetail>().WithTenantProblems();
    }
}
