using CommitteeCloud.Domain.Suggestions;
using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// The suggestion box's figures for a period (Vietnam dates): received, answered (answered or published, by the date
/// of the answer), and how many of those received were anonymous.
/// </summary>
public sealed class SuggestionIndicators(AppDbContext db) : IIndicatorSource
{
    public const string Received = "suggestions.received";
    public const string Answered = "suggestions.answered";
    public const string Anonymous = "suggestions.anonymous";

    public IReadOnlyList<IndicatorDefinition> Indicators { get; } =
    [
        new(Received, "Góp ý đã nhận", "góp ý"),
        new(Answered, "Góp ý đã trả lời", "góp ý"),
        new(Anonymous, "Góp ý ẩn danh đã nhận", "góp ý"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var received = await db.Suggestions.Where(s => s.ReceivedOn >= from && s.ReceivedOn <= to)
            .GroupBy(_ => 1).Select(g => new { All = g.Count(), Anonymous = g.Count(s => s.IsAnonymous) }).FirstOrDefaultAsync(ct);
        var answered = await db.Suggestions.CountAsync(s => s.AnsweredOn != null && s.AnsweredOn >= from && s.AnsweredOn <= to
            && (s.Status == SuggestionStatus.Answered || s.Status == SuggestionStatus.Published), ct);
        return new Dictionary<string, decimal>
        {
            [Received] = received?.All ?? 0,
            [Answered] = answered,
            [Anonymous] = received?.Anonymous ?? 0,
        };
    }
}
