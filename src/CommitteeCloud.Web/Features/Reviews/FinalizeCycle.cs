using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;
using Npgsql;
using NpgsqlTypes;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>
/// Chốt kết quả: computes every unit's total (self or appraised points, bonus and deductions within their caps), its
/// band or "không xếp loại", and the ranking; locks the cycle; and tells each unit its result (a routed event per unit:
/// its sheet locks and its people are notified, in the inbox and live). Set-based: the units are read once and written
/// with one UPDATE, so a cycle of a thousand units finalizes in one short transaction. The ranking is kept on the cycle
/// row, so the audit entry of the finalization holds the whole table.
/// </summary>
[RequirePermission(Permissions.ReviewsManage)]
public sealed record FinalizeCycleCommand(Guid Id, uint? Version = null) : ICommand<CycleBoard>;

public sealed class FinalizeCycleValidator : AbstractValidator<FinalizeCycleCommand>;

public sealed class FinalizeCycleHandler(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push, IMediator mediator)
    : ICommandHandler<FinalizeCycleCommand, CycleBoard>
{
    public async ValueTask<CycleBoard> Handle(FinalizeCycleCommand command, CancellationToken ct)
    {
        var current = context.Tenant!;
        var cycle = await db.ReviewCycles.FirstOrDefaultAsync(c => c.Id == command.Id, ct) ?? throw new NotFoundException("cycle");
        db.ExpectVersion(cycle, command.Version);
        cycle.EnsureOpen();
        var now = clock.GetUtcNow();
        var units = await db.UnitReviews.AsNoTracking().Where(u => u.CycleId == cycle.Id)
            .Select(u => new { u.Id, u.ChildTenantId, u.ChildName, u.AssessmentId, u.Lines, u.NotEligibleReason, u.State }).ToListAsync(ct);
        var totals = units.Select(u => ReviewScoring.Compute(cycle.Sheet, u.Lines).Total).ToList();
        var ranks = ReviewScoring.Rank([.. units.Select((u, i) => (totals[i], u.NotEligibleReason is null))]);
        var rows = units.Select((u, i) => new RankingRow
        {
            UnitReviewId = u.Id, ChildTenantId = u.ChildTenantId, ChildName = u.ChildName, Submitted = u.State == UnitReviewState.Submitted,
            Total = totals[i], Rank = ranks[i], NotEligibleReason = u.NotEligibleReason,
            Band = u.NotEligibleReason is null ? ReviewScoring.BandOf(cycle.Sheet.Bands, totals[i]) : ReviewScoring.NotEligible,
        }).ToList();

        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE unit_reviews AS u SET state = 'Finalized', total = v.total, band = v.band, rank = v.rank
            FROM unnest(@ids, @totals, @bands, @ranks) AS v(id, total, band, rank)
            WHERE u.tenant_id = @tenant AND u.cycle_id = @cycle AND u.id = v.id
            """,
            [
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = rows.Select(r => r.UnitReviewId).ToArray() },
                new NpgsqlParameter("totals", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = rows.Select(r => r.Total).ToArray() },
                new NpgsqlParameter("bands", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Band).ToArray() },
                new NpgsqlParameter("ranks", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = rows.Select(r => r.Rank).ToArray() },
                new NpgsqlParameter("tenant", current.Id),
                new NpgsqlParameter("cycle", cycle.Id),
            ], ct);

        cycle.Finalize([.. rows.OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.ChildName, StringComparer.Ordinal)],
            await db.ActorNameAsync(context, ct), now);
        for (var i = 0; i < units.Count; i++)
            db.Publish(new ReviewResultIssued(units[i].ChildTenantId, units[i].AssessmentId, cycle.Id, cycle.Title, current.Name,
                rows[i].Total, rows[i].Band, rows[i].NotEligibleReason, now));
        // The results were written with one UPDATE, behind the change tracker: the dashboard is told here.
        db.Publish(new Dashboard.DashboardSourcesChanged([.. units.Select(u => u.ChildTenantId).Distinct()]));
        await db.SaveChangesAsync(ct);
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(current.Id, ReviewEvents.Changed, cycle.Id)));
        return await mediator.Send(new GetCycleQuery(cycle.Id), ct);
    }
}

/// <summary>
/// Công bố kết quả: the whole table to every unit, or to each unit only its own result and rank. Before this a unit
/// knows only its own total and band; it never reads the parent's rows, only what is sent to it.
/// </summary>
[RequirePermission(Permissions.ReviewsManage)]
public sealed record PublishRankingCommand(Guid Id, RankingPublication Publication, uint? Version = null) : ICommand<CycleBoard>;

public sealed class PublishRankingValidator : AbstractValidator<PublishRankingCommand>
{
    public PublishRankingValidator() => RuleFor(x => x.Publication).IsInEnum().NotEqual(RankingPublication.NotPublished).WithMessage("Hãy chọn cách công bố.");
}

public sealed class PublishRankingHandler(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push, IMediator mediator)
    : ICommandHandler<PublishRankingCommand, CycleBoard>
{
    public async ValueTask<CycleBoard> Handle(PublishRankingCommand command, CancellationToken ct)
    {
        var current = context.Tenant!;
        var cycle = await db.ReviewCycles.FirstOrDefaultAsync(c => c.Id == command.Id, ct) ?? throw new NotFoundException("cycle");
        db.ExpectVersion(cycle, command.Version);
        cycle.Publish(command.Publication);
        var now = clock.GetUtcNow();
        var assessments = await db.UnitReviews.AsNoTracking().Where(u => u.CycleId == cycle.Id).ToDictionaryAsync(u => u.Id, u => u.AssessmentId, ct);
        var ranked = cycle.Ranking.Count(r => r.Rank is not null);
        // The table as units may see it: names, totals, bands and ranks; never the lines or the reasons.
        IReadOnlyList<RankingRow> table = command.Publication == RankingPublication.FullTable
            ? [.. cycle.Ranking.Select(r => new RankingRow { ChildName = r.ChildName, Total = r.Total, Band = r.Band, Rank = r.Rank, Submitted = r.Submitted })]
            : [];
        foreach (var row in cycle.Ranking)
            db.Publish(new ReviewRankingPublished(row.ChildTenantId, assessments[row.UnitReviewId], cycle.Id, cycle.Title, current.Name,
                command.Publication, row.Rank, ranked, table, now));
        await db.SaveChangesAsync(ct);
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(current.Id, ReviewEvents.Changed, cycle.Id)));
        return await mediator.Send(new GetCycleQuery(cycle.Id), ct);
    }
}

/// <summary>
/// Mở lại đợt đã chốt: the secretary alone (reviews.reopen), with a reason that the audit entry carries; optionally a
/// new deadline for the units. Results and the published ranking are withdrawn from every unit.
/// </summary>
[RequirePermission(Permissions.ReviewsReopen)]
public sealed record ReopenCycleCommand(Guid Id, string Reason, DateOnly? Deadline = null, uint? Version = null) : ICommand<CycleBoard>;

public sealed class ReopenCycleValidator : AbstractValidator<ReopenCycleCommand>
{
    public ReopenCycleValidator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("Hãy nêu lý do mở lại.").MaximumLength(UnitReview.ReasonMaxLength);
}

public sealed class ReopenCycleHandler(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push, IMediator mediator)
    : ICommandHandler<ReopenCycleCommand, CycleBoard>
{
    public async ValueTask<CycleBoard> Handle(ReopenCycleCommand command, CancellationToken ct)
    {
        var current = context.Tenant!;
        var cycle = await db.ReviewCycles.FirstOrDefaultAsync(c => c.Id == command.Id, ct) ?? throw new NotFoundException("cycle");
        db.ExpectVersion(cycle, command.Version);
        var submitted = cycle.Ranking.Where(r => r.Submitted).Select(r => r.UnitReviewId).ToList();
        cycle.Reopen(command.Reason, command.Deadline, clock.Today());
        await db.UnitReviews.Where(u => u.CycleId == cycle.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.State, x => submitted.Contains(x.Id) ? UnitReviewState.Submitted : UnitReviewState.NotSubmitted)
            .SetProperty(x => x.Total, (decimal?)null).SetProperty(x => x.Band, (string?)null).SetProperty(x => x.Rank, (int?)null), ct);
        var now = clock.GetUtcNow();
        var units = await db.UnitReviews.AsNoTracking().Where(u => u.CycleId == cycle.Id).Select(u => new { u.Id, u.ChildTenantId, u.AssessmentId }).ToListAsync(ct);
        foreach (var u in units)
            db.Publish(new ReviewReopened(u.ChildTenantId, u.AssessmentId, cycle.Id, cycle.Title, current.Name, cycle.Deadline, submitted.Contains(u.Id),
                cycle.ReopenReason!, now));
        db.Publish(new Dashboard.DashboardSourcesChanged([.. units.Select(u => u.ChildTenantId).Distinct()]));
        await db.SaveChangesAsync(ct);
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(current.Id, ReviewEvents.Changed, cycle.Id)));
        return await mediator.Send(new GetCycleQuery(cycle.Id), ct);
    }
}

public sealed class FinalizeCycleEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/review-cycles/{id:guid}/finalize", (Guid id, VersionBody? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new FinalizeCycleCommand(id, body?.Version), ct))
            .WithTags("Reviews").WithSummary("Finalize: totals, bands and ranking; lock everything; tell each unit its result").Produces<CycleBoard>().WithCommandProblems();
        api.MapPost("/review-cycles/{id:guid}/publish", (Guid id, PublishBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new PublishRankingCommand(id, body.Publication ?? RankingPublication.NotPublished, body.Version), ct))
            .WithTags("Reviews").WithSummary("Publish the ranking: the full table, or each unit its own result and rank").Produces<CycleBoard>().WithCommandProblems();
        api.MapPost("/review-cycles/{id:guid}/reopen", (Guid id, ReopenBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ReopenCycleCommand(id, body.Reason ?? "", body.Deadline, body.Version), ct))
            .WithTags("Reviews").WithSummary("Reopen a finalized cycle (the secretary only), with a reason").Produces<CycleBoard>().WithCommandProblems();
    }
}

public sealed record VersionBody(uint? Version);
public sealed record PublishBody(RankingPublication? Publication, uint? Version);
public sealed record ReopenBody(string? Reason, DateOnly? Deadline, uint? Version);
