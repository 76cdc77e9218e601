using CommitteeCloud.Domain.Indices;
using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.Indices;

/// <summary>
/// The indices as figures a plan can target: <c>indices.papi.score</c>, <c>indices.papi.rank</c>, … for the year of the
/// period asked (an index is published once a year). A year not recorded yet has no figure, so a target bound to it
/// reads "no data" rather than a made-up 0 (which, for a rank, would look like first place).
/// </summary>
public sealed class IndexIndicators(AppDbContext db) : IIndicatorSource
{
    public static string ScoreCode(PublicIndexKind kind) => $"indices.{PublicIndex.Of(kind).Code}.score";
    public static string RankCode(PublicIndexKind kind) => $"indices.{PublicIndex.Of(kind).Code}.rank";

    public IReadOnlyList<IndicatorDefinition> Indicators { get; } =
    [
        .. PublicIndex.All.SelectMany(i => new IndicatorDefinition[]
        {
            new(ScoreCode(i.Kind), $"Điểm {i.Acronym}", i.ScoreUnit),
            new(RankCode(i.Kind), $"Xếp hạng {i.Acronym}", "hạng"),
        }),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var year = to.Year;
        var values = await db.PublicIndexValues.AsNoTracking().Where(v => v.Year == year)
            .Select(v => new { v.Kind, v.Score, v.Rank }).ToListAsync(ct);
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            figures[ScoreCode(v.Kind)] = v.Score;
            figures[RankCode(v.Kind)] = v.Rank;
        }
        return figures;
    }
}
