using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.Training;

/// <summary>
/// "Số lớp tập huấn, bồi dưỡng và số lượt người tham dự" that reports ask for: the courses that began in the period
/// and their attendees.
/// </summary>
public sealed class TrainingIndicators(AppDbContext db) : IIndicatorSource
{
    public const string Courses = "training.courses";
    public const string Attendees = "training.attendees";

    public IReadOnlyList<IndicatorDefinition> Indicators { get; } =
    [
        new(Courses, "Lớp tập huấn, bồi dưỡng, hội nghị quán triệt đã tổ chức", "lớp"),
        new(Attendees, "Lượt người tham dự tập huấn, bồi dưỡng", "lượt người"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var totals = await db.TrainingCourses.Where(c => c.StartsOn >= from && c.StartsOn <= to)
            .GroupBy(_ => 1).Select(g => new { Courses = g.Count(), Attendees = g.Sum(c => (long)c.Attendees) }).FirstOrDefaultAsync(ct);
        return new Dictionary<string, decimal>
        {
            [Courses] = totals?.Courses ?? 0,
            [Attendees] = totals?.Attendees ?? 0,
        };
    }
}
