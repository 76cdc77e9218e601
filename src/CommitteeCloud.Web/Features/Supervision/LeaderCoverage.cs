using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform;

namespace CommitteeCloud.Web.Features.Supervision;

/// <summary>
/// Which units of the subtree have a written leader assignment in force today, and which do not (flagged upward,
/// as PRODUCT.md asks). Suspended units are not counted.
/// </summary>
[RequirePermission(Permissions.SubtreeView)]
public sealed record LeaderCoverageQuery : IQuery<LeaderCoverage>;

public sealed record LeaderCoverage(int Units, int WithLeader, IReadOnlyList<UncoveredUnit> WithoutLeader);

public sealed record UncoveredUnit(string Code, string Name, string LevelLabel, string Reason);

public sealed class LeaderCoverageHandler(AppDbContext db, ITenantContext context, TimeProvider clock) : IQueryHandler<LeaderCoverageQuery, LeaderCoverage>
{
    public async ValueTask<LeaderCoverage> Handle(LeaderCoverageQuery query, CancellationToken ct)
    {
        var today = clock.Today();
        var units = await db.UnitSummaries.InSubtreeOf(context.Tenant!).AsNoTracking()
            .Where(s => s.Status == Domain.Tenants.TenantStatus.Active)
            .OrderBy(s => s.Path).ToListAsync(ct);
        var uncovered = units.Where(u => !u.HasLeaderInForce(today))
            .Select(u => new UncoveredUnit(u.Code, u.Name, u.LevelLabel, Reason(u, today)))
            .ToList();
        return new LeaderCoverage(units.Count, units.Count - uncovered.Count, uncovered);
    }

    private static string Reason(UnitSummary unit, DateOnly today) => unit.LeaderStatus switch
    {
        null => "Chưa có quyết định phân công",
        Domain.LeaderAssignments.LeaderAssignmentStatus.Lapsed => "Quyết định phân công đã hết hiệu lực",
        Domain.LeaderAssignments.LeaderAssignmentStatus.Current when unit.LeaderEffectiveFrom > today => $"Quyết định có hiệu lực từ {unit.LeaderEffectiveFrom:dd/MM/yyyy}",
        _ => "Quyết định phân công đã hết hạn",
    };
}

public sealed class LeaderCoverageEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tree/leader-coverage", (IMediator mediator, CancellationToken ct) => mediator.Send(new LeaderCoverageQuery(), ct))
        .WithTags("Supervision").WithSummary("Units of the subtree with and without a written leader assignment in force")
        .Produces<LeaderCoverage>().WithTenantProblems();
}
