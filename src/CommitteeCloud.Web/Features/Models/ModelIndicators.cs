using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Models;
using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.Models;

/// <summary>
/// The unit's own "Dân vận khéo" figures for a period: models registered for the years the period covers, and of
/// those the ones recognized, named typical and proposed for awards (a model belongs to a year, not a day).
/// </summary>
public sealed class ModelIndicators(AppDbContext db) : IIndicatorSource
{
    public const string Registered = "models.registered";
    public const string Recognized = "models.recognized";
    public const string Typical = "models.typical";
    public const string Proposed = "models.proposed";

    public IReadOnlyList<IndicatorDefinition> Indicators { get; } =
    [
        new(Registered, "Mô hình \"Dân vận khéo\" đăng ký", "mô hình"),
        new(Recognized, "Mô hình \"Dân vận khéo\" được công nhận", "mô hình"),
        new(Typical, "Mô hình \"Dân vận khéo\" điển hình", "mô hình"),
        new(Proposed, "Mô hình được đề nghị khen thưởng", "mô hình"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var counts = await db.MassMobilizationModels.Where(m => m.Year >= from.Year && m.Year <= to.Year && m.Status != ModelStatus.Dropped)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                All = g.Count(),
                Recognized = g.Count(m => m.RecognitionLevel != null),
                Typical = g.Count(m => m.IsTypical),
                Proposed = g.Count(m => m.ProposedForAward),
            })
            .FirstOrDefaultAsync(ct);
        return new Dictionary<string, decimal>
        {
            [Registered] = counts?.All ?? 0,
            [Recognized] = counts?.Recognized ?? 0,
            [Typical] = counts?.Typical ?? 0,
            [Proposed] = counts?.Proposed ?? 0,
        };
    }
}
