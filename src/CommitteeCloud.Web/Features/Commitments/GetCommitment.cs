using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.Commitments;

/// <summary>
/// The unit's own registration for its parent's round: what it registered, the parent's comments, the history and,
/// once approved, whether each target and model is met (targets from the actual entered, else the live figure).
/// </summary>
[RequirePermission(Permissions.PlansView)]
public sealed record GetCommitmentQuery(Guid Id) : IQuery<CommitmentDetail>;

public sealed class GetCommitmentHandler(AppDbContext db, TimeProvider clock, IEnumerable<IIndicatorSource> sources)
    : IQueryHandler<GetCommitmentQuery, CommitmentDetail>
{
    public async ValueTask<CommitmentDetail> Handle(GetCommitmentQuery query, CancellationToken ct)
    {
        var c = await db.Commitments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, ct) ?? throw new NotFoundException("commitment");
        var today = clock.Today();
        IReadOnlyDictionary<string, decimal>? live = null;
        if (c.Targets.Any(t => t.IndicatorCode is not null))
            live = await sources.CountAllAsync(new DateOnly(c.Year, 1, 1), new DateOnly(c.Year, 12, 31), ct);
        var targets = CommitmentMapping.Judge(c.Targets, live);
        var ids = c.Models.Select(m => m.ModelId).ToList();
        var levels = await db.MassMobilizationModels.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.RecognitionLevel, ct);
        var models = c.Models.Select(m => new CommittedModelDto(m.ModelId, m.Name, m.Field, levels.GetValueOrDefault(m.ModelId) is not null,
            levels.GetValueOrDefault(m.ModelId)?.ToString())).ToList();
        return new CommitmentDetail(c.Id, c.ParentTenantName, c.Year, c.RoundTitle, c.Guidance, c.Deadline, c.State,
            CommitmentRules.BoardStatusOf(c.State, c.Deadline, today), c.TitleSought, targets, models, c.Revision, c.SubmittedAt, c.SubmittedLate,
            c.LastComment, c.CanRegister(today), CommitmentMapping.Met(c.State, targets, models), [.. c.History.Select(h => h.ToDto())], c.Version);
    }
}

/// <summary>The registrations the unit was asked for, newest year first.</summary>
[RequirePermission(Permissions.PlansView)]
public sealed record ListCommitmentsQuery : IQuery<IReadOnlyList<CommitmentSummary>>;

public sealed class ListCommitmentsHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ListCommitmentsQuery, IReadOnlyList<CommitmentSummary>>
{
    public async ValueTask<IReadOnlyList<CommitmentSummary>> Handle(ListCommitmentsQuery query, CancellationToken ct)
    {
        var today = clock.Today();
        var rows = await db.Commitments.AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.CreatedAt)
            .Select(c => new { c.Id, c.ParentTenantName, c.Year, c.RoundTitle, c.Deadline, c.State }).ToListAsync(ct);
        return [.. rows.Select(c => new CommitmentSummary(c.Id, c.ParentTenantName, c.Year, c.RoundTitle, c.Deadline, c.State,
            CommitmentRules.BoardStatusOf(c.State, c.Deadline, today)))];
    }
}

public sealed class GetCommitmentEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/commitments", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListCommitmentsQuery(), ct))
            .WithTags("Commitments").WithSummary("The registrations this unit was asked for").Produces<IReadOnlyList<CommitmentSummary>>().WithTenantProblems();
        api.MapGet("/commitments/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetCommitmentQuery(id), ct))
            .WithTags("Commitments").WithSummary("The unit's registration with comments, history and year-end results")
            .Produces<CommitmentDetail>().WithTenantProblems();
    }
}
