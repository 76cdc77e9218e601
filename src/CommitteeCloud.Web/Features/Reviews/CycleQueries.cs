using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reviews;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>The cycles this unit opened, newest first.</summary>
[RequirePermission(Permissions.ReviewsAppraise)]
public sealed record ListCyclesQuery(int? Year = null) : IQuery<IReadOnlyList<CycleSummary>>;

public sealed class ListCyclesHandler(AppDbContext db) : IQueryHandler<ListCyclesQuery, IReadOnlyList<CycleSummary>>
{
    public async ValueTask<IReadOnlyList<CycleSummary>> Handle(ListCyclesQuery query, CancellationToken ct)
    {
        var cycles = await db.ReviewCycles.AsNoTracking().Where(c => query.Year == null || c.Year == query.Year)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.OpenedAt)
            .Select(c => new { c.Id, c.Year, c.Title, c.TemplateName, c.Deadline, c.State, c.Publication }).ToListAsync(ct);
        var ids = cycles.Select(c => c.Id).ToList();
        var counts = await db.UnitReviews.AsNoTracking().Where(u => ids.Contains(u.CycleId)).GroupBy(u => u.CycleId)
            .Select(g => new { g.Key, Units = g.Count(), Submitted = g.Count(u => u.SubmittedAt != null && u.State != UnitReviewState.NotSubmitted) })
            .ToDictionaryAsync(g => g.Key, ct);
        return [.. cycles.Select(c => new CycleSummary(c.Id, c.Year, c.Title, c.TemplateName, c.Deadline, c.State, c.Publication,
            counts.GetValueOrDefault(c.Id)?.Units ?? 0, counts.GetValueOrDefault(c.Id)?.Submitted ?? 0))];
    }
}

/// <summary>
/// Bảng theo dõi đợt đánh giá: each unit's state, self-assessed and current totals, adjustments, and after
/// finalization the ranking. Read from this tenant's rows only (the submissions were copied up when made).
/// </summary>
[RequirePermission(Permissions.ReviewsAppraise)]
public sealed record GetCycleQuery(Guid Id) : IQuery<CycleBoard>;

public sealed class GetCycleHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<GetCycleQuery, CycleBoard>
{
    public async ValueTask<CycleBoard> Handle(GetCycleQuery query, CancellationToken ct)
    {
        var cycle = await db.ReviewCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, ct) ?? throw new NotFoundException("cycle");
        var units = await db.UnitReviews.AsNoTracking().Where(u => u.CycleId == cycle.Id).OrderBy(u => u.ChildName).ToListAsync(ct);
        var rows = units.Select(u =>
        {
            var self = ReviewScoring.Compute(cycle.Sheet, u.Lines.Select(l => new ScoreLine { Code = l.Code, SelfScore = l.SelfScore }));
            var current = ReviewScoring.Compute(cycle.Sheet, u.Lines);
            return new UnitRow(u.Id, u.ChildTenantId, u.ChildCode, u.ChildName, u.State, u.SubmittedAt, self.Total, current.Total,
                u.Lines.Count(l => l.AppraisedScore is not null), u.NotEligibleReason, u.Total, u.Band, u.Rank);
        }).ToList();
        return new CycleBoard(cycle.Id, cycle.Year, cycle.Title, cycle.TemplateName, cycle.Sheet, cycle.Deadline, clock.Today() > cycle.Deadline,
            cycle.State, cycle.Publication, cycle.Appraisers, rows, cycle.Ranking, cycle.ReopenReason, cycle.Reopenings, cycle.FinalizedAt, cycle.Version);
    }
}

/// <summary>Phiếu thẩm định of one unit: its submission, the adjustments and the running total.</summary>
[RequirePermission(Permissions.ReviewsAppraise)]
public sealed record GetUnitReviewQuery(Guid CycleId, Guid Id) : IQuery<UnitReviewDetail>;

public sealed class GetUnitReviewHandler(AppDbContext db) : IQueryHandler<GetUnitReviewQuery, UnitReviewDetail>
{
    public async ValueTask<UnitReviewDetail> Handle(GetUnitReviewQuery query, CancellationToken ct)
    {
        var cycle = await db.ReviewCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.CycleId, ct) ?? throw new NotFoundException("cycle");
        var u = await db.UnitReviews.AsNoTracking().FirstOrDefaultAsync(u => u.Id == query.Id && u.CycleId == cycle.Id, ct) ?? throw new NotFoundException("unit review");
        var self = ReviewScoring.Compute(cycle.Sheet, u.Lines.Select(l => new ScoreLine { Code = l.Code, SelfScore = l.SelfScore }));
        var current = ReviewScoring.Compute(cycle.Sheet, u.Lines);
        return new UnitReviewDetail(u.Id, cycle.Id, cycle.Title, u.ChildName, u.State, u.SubmittedAt, cycle.Sheet, u.Lines, self, current,
            u.NotEligibleReason is null ? ReviewScoring.BandOf(cycle.Sheet.Bands, current.Total) : ReviewScoring.NotEligible, u.NotEligibleReason,
            cycle.Appraisers, cycle.IsFinalized, u.Total, u.Band, u.Rank, u.Version);
    }
}

public sealed class CycleQueriesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/review-cycles", (int? year, IMediator mediator, CancellationToken ct) => mediator.Send(new ListCyclesQuery(year), ct))
            .WithTags("Reviews").WithSummary("The review cycles this unit opened").Produces<IReadOnlyList<CycleSummary>>().WithTenantProblems();
        api.MapGet("/review-cycles/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetCycleQuery(id), ct))
            .WithTags("Reviews").WithSummary("A cycle's board: who submitted, running totals, and the ranking once finalized").Produces<CycleBoard>().WithTenantProblems();
        api.MapGet("/review-cycles/{id:guid}/units/{unitId:guid}", (Guid id, Guid unitId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetUnitReviewQuery(id, unitId), ct))
            .WithTags("Reviews").WithSummary("One unit's submission with the appraisers' adjustments").Produces<UnitReviewDetail>().WithTenantProblems();
    }
}
