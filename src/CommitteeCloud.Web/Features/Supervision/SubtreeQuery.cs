using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Platform;

namespace CommitteeCloud.Web.Features.Supervision;

/// <summary>
/// Cây tổ chức: the current tenant and every unit below it, one indexed ltree query over the supervision read model,
/// optionally filtered by a search that ignores diacritics ("dan van" finds "Dân vận").
/// </summary>
[RequirePermission(Permissions.SubtreeView)]
public sealed record SubtreeQuery(string? Search = null, int? MaxDepth = null) : IQuery<IReadOnlyList<SubtreeNode>>;

public sealed record SubtreeNode(
    Guid TenantId, Guid? ParentId, string Code, string Name, TenantKind Kind, string LevelLabel, TenantStatus Status,
    int Depth, int MemberCount, bool HasLeaderInForce, string? LeaderName, string? LeaderDecisionNumber, DateOnly? LeaderEffectiveTo);

public sealed class SubtreeQueryValidator : AbstractValidator<SubtreeQuery>
{
    public SubtreeQueryValidator()
    {
        RuleFor(x => x.Search).MaximumLength(100);
        RuleFor(x => x.MaxDepth).InclusiveBetween(0, 50);
    }
}

public sealed class SubtreeQueryHandler(AppDbContext db, ITenantContext context, TimeProvider clock) : IQueryHandler<SubtreeQuery, IReadOnlyList<SubtreeNode>>
{
    public async ValueTask<IReadOnlyList<SubtreeNode>> Handle(SubtreeQuery query, CancellationToken ct)
    {
        var current = context.Tenant!;
        var rows = db.UnitSummaries.InSubtreeOf(current);
        if (query.MaxDepth is { } depth) rows = rows.Where(s => s.Depth <= current.Depth + depth);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Queries.ContainsPattern(query.Search);
            rows = rows.Where(s => EF.Functions.ILike(EF.Functions.Unaccent(s.Name), EF.Functions.Unaccent(pattern))
                                   || EF.Functions.ILike(s.Code, pattern));
        }
        var today = clock.Today();
        var list = await rows.AsNoTracking().OrderBy(s => s.Path).ToListAsync(ct);
        return [.. list.Select(s => new SubtreeNode(s.TenantId, s.ParentId, s.Code, s.Name, s.Kind, s.LevelLabel, s.Status,
            s.Depth - current.Depth, s.MemberCount, s.HasLeaderInForce(today), s.LeaderName, s.LeaderDecisionNumber, s.LeaderEffectiveTo))];
    }
}

/// <summary>The supervision read path: the explicit subtree condition, on top of the subtree row-level security.</summary>
public static class SubtreeQueries
{
    public static IQueryable<UnitSummary> InSubtreeOf(this DbSet<UnitSummary> summaries, TenantInfo tenant) =>
        summaries.FromSqlInterpolated($"SELECT * FROM unit_summaries WHERE path <@ {tenant.Path}::ltree");

    public static IQueryable<Dashboard.DashboardItem> InSubtreeOf(this DbSet<Dashboard.DashboardItem> items, TenantInfo tenant) =>
        items.FromSqlInterpolated($"SELECT * FROM dashboard_items WHERE path <@ {tenant.Path}::ltree");
}

public sealed class SubtreeQueryEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/tree", (IMediator mediator, CancellationToken ct, string? search, int? maxDepth) => mediator.Send(new SubtreeQuery(search, maxDepth), ct))
        .WithTags("Supervision").WithSummary("The current tenant and every unit below it, with member counts and leader status")
        .Produces<IReadOnlyList<SubtreeNode>>().WithTenantProblems();
}
