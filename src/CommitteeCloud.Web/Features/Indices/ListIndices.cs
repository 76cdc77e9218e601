using CommitteeCloud.Domain.Indices;
using CommitteeCloud.Domain.Memberships;

namespace CommitteeCloud.Web.Features.Indices;

/// <summary>Các chỉ số: the four indices with their scale and every year the unit recorded, oldest first.</summary>
[RequirePermission(Permissions.PlansView)]
public sealed record ListIndicesQuery : IQuery<IReadOnlyList<IndexSeries>>;

public sealed class ListIndicesValidator : AbstractValidator<ListIndicesQuery>;

public sealed class ListIndicesHandler(AppDbContext db) : IQueryHandler<ListIndicesQuery, IReadOnlyList<IndexSeries>>
{
    public async ValueTask<IReadOnlyList<IndexSeries>> Handle(ListIndicesQuery query, CancellationToken ct)
    {
        var values = await db.PublicIndexValues.AsNoTracking().OrderBy(v => v.Year).ToListAsync(ct);
        return [.. PublicIndex.All.Select(i => new IndexSeries(i.Kind, i.Code, i.Acronym, i.Name, i.MaxScore, i.ScoreUnit,
            [.. values.Where(v => v.Kind == i.Kind).Select(IndexValueDto.From)]))];
    }
}

public sealed class ListIndicesEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/indices", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListIndicesQuery(), ct))
        .WithTags("Indices").WithSummary("PAR INDEX, PAPI, SIPAS and PCI with every year recorded")
        .Produces<IReadOnlyList<IndexSeries>>().WithTenantProblems();
}
