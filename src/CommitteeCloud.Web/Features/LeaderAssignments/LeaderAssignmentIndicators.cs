using CommitteeCloud.Domain.LeaderAssignments;
using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.LeaderAssignments;

/// <summary>
/// Whether the unit has a written leader assignment for mass-mobilization work in force (phân công lãnh đạo phụ trách
/// bằng văn bản, Quyết định 290-QĐ/TW) on the last day of the period, or today if the period is not over: 1 or 0.
/// </summary>
public sealed class LeaderAssignmentIndicators(AppDbContext db, TimeProvider clock) : IIndicatorSource
{
    public const string AssignmentInForce = "leaders.assignment_in_force";

    public IReadOnlyList<IndicatorDefinition> Indicators { get; } =
        [new(AssignmentInForce, "Có văn bản phân công lãnh đạo phụ trách công tác dân vận còn hiệu lực", "có/không")];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var on = clock.Today() < to ? clock.Today() : to;
        var inForce = await db.LeaderAssignments.AnyAsync(a => a.Status == LeaderAssignmentStatus.Current && a.EffectiveFrom <= on
            && (a.EffectiveTo == null || a.EffectiveTo >= on), ct);
        return new Dictionary<string, decimal> { [AssignmentInForce] = inForce ? 1 : 0 };
    }
}
