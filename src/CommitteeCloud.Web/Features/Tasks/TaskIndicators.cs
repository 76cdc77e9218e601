using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// The unit's task figures for a period: how many it finished (nghiệm thu) and how many of those on time, and how many
/// were still open past their deadline at the end of the period. A task counts in the unit that holds it, whether it
/// was received from above or the unit's own.
/// </summary>
public sealed class TaskIndicators(AppDbContext db) : IIndicatorSource
{
    public const string Completed = "tasks.completed";
    public const string CompletedOnTime = "tasks.completed_on_time";
    public const string OnTimeRate = "tasks.on_time_rate";
    public const string Overdue = "tasks.overdue";

    public IReadOnlyList<IndicatorDefinition> Indicators { get; } =
    [
        new(Completed, "Nhiệm vụ đã hoàn thành", "nhiệm vụ"),
        new(CompletedOnTime, "Nhiệm vụ hoàn thành đúng hạn", "nhiệm vụ"),
        new(OnTimeRate, "Tỷ lệ nhiệm vụ hoàn thành đúng hạn", "%"),
        new(Overdue, "Nhiệm vụ quá hạn chưa hoàn thành", "nhiệm vụ"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var completed = await db.Tasks.Where(t => t.State == TaskState.Accepted && t.CompletedOn >= from && t.CompletedOn <= to)
            .GroupBy(_ => 1)
            .Select(g => new { All = g.Count(), OnTime = g.Count(t => t.CurrentDeadline == null || t.CompletedOn <= t.CurrentDeadline) })
            .FirstOrDefaultAsync(ct);
        // Open at the end of the period and past due by then: finished later, or not finished yet.
        var overdue = await db.Tasks.CountAsync(t => t.State != TaskState.Draft && t.State != TaskState.Cancelled && t.State != TaskState.Rejected
            && t.CurrentDeadline != null && t.CurrentDeadline < to && t.CurrentDeadline >= from
            && (t.CompletedOn == null || t.CompletedOn > to), ct);
        var all = completed?.All ?? 0;
        var onTime = completed?.OnTime ?? 0;
        return new Dictionary<string, decimal>
        {
            [Completed] = all,
            [CompletedOnTime] = onTime,
            [OnTimeRate] = all == 0 ? 0 : Math.Round(100m * onTime / all, 1),
            [Overdue] = overdue,
        };
    }
}
