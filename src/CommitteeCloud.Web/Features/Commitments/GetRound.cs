using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Models;

namespace CommitteeCloud.Web.Features.Commitments;

/// <summary>
/// Bảng theo dõi đăng ký: the round and, per child, where its registration stands (registered / not yet / late /
/// approved / returned), what it registered, and at year end whether it met it. Read from this tenant's slots and,
/// for the models' recognition, from the subtree read model: never from the children's own rows.
/// </summary>
[RequirePermission(Permissions.PlansView)]
public sealed record GetRoundQuery(Guid Id) : IQuery<RoundBoard>;

public sealed class GetRoundHandler(AppDbContext db, ITenantContext context, TimeProvider clock) : IQueryHandler<GetRoundQuery, RoundBoard>
{
    public async ValueTask<RoundBoard> Handle(GetRoundQuery query, CancellationToken ct)
    {
        var round = await db.CommitmentRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, ct) ?? throw new NotFoundException("round");
        var slots = await db.CommitmentSlots.AsNoTracking().Where(s => s.RoundId == round.Id).OrderBy(s => s.ChildName).ToListAsync(ct);
        var modelIds = slots.SelectMany(s => s.Models.Select(m => m.ModelId)).ToList();
        var recognized = await db.ModelNodes.InSubtreeOf(context.Tenant!).AsNoTracking().Where(n => modelIds.Contains(n.ModelId))
            .ToDictionaryAsync(n => n.ModelId, n => n.RecognitionLevel, ct);
        var today = clock.Today();
        var dtos = slots.Select(s =>
        {
            var targets = CommitmentMapping.Judge(s.Targets, null);
            var models = s.Models.Select(m => new CommittedModelDto(m.ModelId, m.Name, m.Field,
                recognized.GetValueOrDefault(m.ModelId) is not null, recognized.GetValueOrDefault(m.ModelId)?.ToString())).ToList();
            return new SlotDto(s.Id, s.ChildTenantId, s.ChildCode, s.ChildName, s.State, s.StatusOn(today), s.Deadline, s.TitleSought, targets,
                models, s.Revision, s.SubmittedAt, s.SubmittedLate, s.LastComment, CommitmentMapping.Met(s.State, targets, models),
                [.. s.History.Select(h => h.ToDto())], s.Version);
        }).ToList();
        return new RoundBoard(round.Id, round.Year, round.Title, round.Guidance, round.Deadline, round.OpenedBy, round.OpenedAt,
            CommitmentMapping.Count(dtos.Select(d => d.Status)), dtos);
    }
}

/// <summary>The rounds this unit opened, newest first, with their board counts.</summary>
[RequirePermission(Permissions.PlansView)]
public sealed record ListRoundsQuery(int? Year = null) : IQuery<IReadOnlyList<RoundSummary>>;

public sealed class ListRoundsHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ListRoundsQuery, IReadOnlyList<RoundSummary>>
{
    public async ValueTask<IReadOnlyList<RoundSummary>> Handle(ListRoundsQuery query, CancellationToken ct)
    {
        var rounds = await db.CommitmentRounds.AsNoTracking().Where(r => query.Year == null || r.Year == query.Year)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.OpenedAt).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var slots = await db.CommitmentSlots.AsNoTracking().Where(s => ids.Contains(s.RoundId))
            .Select(s => new { s.RoundId, s.State, s.Deadline }).ToListAsync(ct);
        var today = clock.Today();
        return [.. rounds.Select(r =>
        {
            var mine = slots.Where(s => s.RoundId == r.Id).ToList();
            return new RoundSummary(r.Id, r.Year, r.Title, r.Deadline, mine.Count,
                CommitmentMapping.Count(mine.Select(s => CommitmentRules.BoardStatusOf(s.State, s.Deadline, today))));
        })];
    }
}

public sealed class GetRoundEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/commitment-rounds", (int? year, IMediator mediator, CancellationToken ct) => mediator.Send(new ListRoundsQuery(year), ct))
            .WithTags("Commitments").WithSummary("The registration rounds this unit opened").Produces<IReadOnlyList<RoundSummary>>().WithTenantProblems();
        api.MapGet("/commitment-rounds/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetRoundQuery(id), ct))
            .WithTags("Commitments").WithSummary("A round's live board: each child's registration and its status")
            .Produces<RoundBoard>().WithTenantProblems();
    }
}
