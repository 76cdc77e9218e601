using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Models;

namespace CommitteeCloud.Web.Features.Models;

/// <summary>
/// Phễu "Dân vận khéo" over the unit's subtree for a year: registered → surveyed → recognized → typical → proposed
/// (each model counts in every step it reached), dropped and replicated aside, and the same per unit.
/// </summary>
[RequirePermission(Permissions.SubtreeView)]
public sealed record GetModelFunnelQuery(int Year) : IQuery<ModelFunnel>;

public sealed class GetModelFunnelValidator : AbstractValidator<GetModelFunnelQuery>
{
    public GetModelFunnelValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm không hợp lệ.");
}

public sealed class GetModelFunnelHandler(AppDbContext db, ITenantContext context) : IQueryHandler<GetModelFunnelQuery, ModelFunnel>
{
    public async ValueTask<ModelFunnel> Handle(GetModelFunnelQuery query, CancellationToken ct)
    {
        var nodes = await db.ModelNodes.InSubtreeOf(context.Tenant!).AsNoTracking().Where(n => n.Year == query.Year)
            .Select(n => new { n.UnitCode, n.UnitName, n.Path, n.Stage, n.Status, n.OriginalModelId }).ToListAsync(ct);
        static int Reached<T>(IEnumerable<T> rows, Func<T, FunnelStage> stage, FunnelStage at) => rows.Count(r => stage(r) >= at);
        var units = nodes.GroupBy(n => (n.UnitCode, n.UnitName, n.Path)).OrderBy(g => g.Key.Path)
            .Select(g => new UnitFunnel(g.Key.UnitCode, g.Key.UnitName, g.Count(), Reached(g, n => n.Stage, FunnelStage.Surveyed),
                Reached(g, n => n.Stage, FunnelStage.Recognized), Reached(g, n => n.Stage, FunnelStage.Typical), Reached(g, n => n.Stage, FunnelStage.Proposed)))
            .ToList();
        return new ModelFunnel(query.Year, nodes.Count, Reached(nodes, n => n.Stage, FunnelStage.Surveyed), Reached(nodes, n => n.Stage, FunnelStage.Recognized),
            Reached(nodes, n => n.Stage, FunnelStage.Typical), Reached(nodes, n => n.Stage, FunnelStage.Proposed),
            nodes.Count(n => n.Status == ModelStatus.Dropped), nodes.Count(n => n.OriginalModelId != null), units);
    }
}

public sealed class GetModelFunnelEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/models/funnel", (int? year, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            mediator.Send(new GetModelFunnelQuery(year ?? clock.Today().Year), ct))
        .WithTags("Models").WithSummary("The Dân vận khéo funnel (registered → surveyed → recognized → typical → proposed) over the subtree")
        .Produces<ModelFunnel>().WithTenantProblems();
}
