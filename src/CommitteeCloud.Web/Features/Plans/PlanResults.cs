using CommitteeCloud.Domain.Plans;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Indicators;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>
/// Where a plan stands over a period: each target's actual (from the indicator sources, whichever features registered
/// them, or as typed) against its target, and each activity's task with its timeliness. Shown live on the plan's
/// page and copied into a review when it is drafted.
/// </summary>
public sealed class PlanResults(AppDbContext db, IEnumerable<IIndicatorSource> sources, TenantStore tenants, TimeProvider clock)
{
    public IReadOnlyList<IndicatorDefinition> Indicators => [.. sources.SelectMany(s => s.Indicators).DistinctBy(i => i.Code).OrderBy(i => i.Code, StringComparer.Ordinal)];

    /// <summary>The period figures count over: the plan's year up to today (or the whole year once it is over).</summary>
    public (DateOnly From, DateOnly To) LivePeriod(AnnualPlan plan)
    {
        var today = clock.Today();
        return (plan.YearStart, today < plan.YearEnd ? (today < plan.YearStart ? plan.YearStart : today) : plan.YearEnd);
    }

    public async Task<IReadOnlyList<PlanTargetDto>> TargetsAsync(AnnualPlan plan, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var counted = plan.Targets.Any(t => t.IndicatorCode is not null)
            ? await sources.CountAllAsync(from, to, ct)
            : new Dictionary<string, decimal>();
        var names = Indicators.ToDictionary(i => i.Code, i => i.Name, StringComparer.Ordinal);
        return [.. plan.Targets.Select(t =>
        {
            var automatic = t.IndicatorCode is not null;
            decimal? actual = automatic ? counted.TryGetValue(t.IndicatorCode!, out var v) ? v : null : t.ManualActual;
            return new PlanTargetDto(t.Id, t.Name, t.Unit, t.Kind, t.TargetValue, t.IndicatorCode,
                t.IndicatorCode is { } c ? names.GetValueOrDefault(c) : null, actual, automatic, t.StatusOf(actual));
        })];
    }

    public async Task<IReadOnlyList<PlanActivityDto>> ActivitiesAsync(AnnualPlan plan, CancellationToken ct)
    {
        var taskIds = plan.Activities.Where(a => a.TaskId is not null).Select(a => a.TaskId!.Value).ToList();
        var tasks = taskIds.Count == 0 ? [] : await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var today = clock.Today();
        var units = new Dictionary<Guid, PlanUnitDto>();
        async Task<IReadOnlyList<PlanUnitDto>> UnitsAsync(IEnumerable<Guid> ids)
        {
            var list = new List<PlanUnitDto>();
            foreach (var id in ids)
            {
                if (!units.TryGetValue(id, out var unit) && await tenants.FindByIdAsync(id, ct) is { } t) units[id] = unit = new PlanUnitDto(t.Id, t.Code, t.Name);
                if (unit is not null) list.Add(unit);
            }
            return list;
        }
        var result = new List<PlanActivityDto>();
        foreach (var a in plan.Activities)
        {
            var task = a.TaskId is { } id ? tasks.GetValueOrDefault(id) : null;
            result.Add(new PlanActivityDto(a.Id, a.Title, a.Content, await UnitsAsync(a.LeadTenantIds), await UnitsAsync(a.CoordinatingTenantIds),
                a.LedByUnitItself, a.From, a.To, a.LeaderMembershipId, a.LeaderName, a.TaskId, task?.State, task?.Percent, task?.TimelinessOn(today)));
        }
        return result;
    }

    /// <summary>The figures a review starts from, as of the end of its period (or today, if that is earlier).</summary>
    public async Task<ReviewFigures> FiguresAsync(AnnualPlan plan, ReviewKind kind, CancellationToken ct)
    {
        var (from, end) = PlanReview.PeriodOf(plan.Year, kind);
        var today = clock.Today();
        var to = end < today ? end : today < from ? from : today;
        var targets = await TargetsAsync(plan, from, to, ct);
        var activities = await ActivitiesAsync(plan, ct);
        var rows = activities.Select(a => new ReviewActivityFigure(a.Id, a.Title,
            a.LedByUnitItself ? "Đơn vị" : string.Join(", ", a.LeadUnits.Select(u => u.Name)),
            a.From, a.To, a.TaskState is { } s ? TaskStateNames.Of(s) : "Chưa giao", a.Percent ?? 0, a.Timeliness is { } t ? TimelinessName(t) : "")).ToList();
        var counts = TimelinessCounts.Of(activities.Where(a => a.Timeliness is not null).Select(a => a.Timeliness!.Value));
        return new ReviewFigures(
            [.. targets.Select(t => new ReviewTargetFigure(t.Id, t.Name, t.Unit, t.Kind, t.TargetValue, t.IndicatorCode, t.Actual, t.Status))],
            rows, counts.CompletedOnTime, counts.CompletedLate, counts.Overdue, counts.OnTime + counts.DueSoon + counts.NoDeadline);
    }

    /// <summary>The "Kết quả" paragraph a review starts with, written from its figures; the officer rewrites it at will.</summary>
    public static string ResultsDraft(AnnualPlan plan, ReviewKind kind, ReviewFigures f)
    {
        var lines = new List<string>
        {
            $"{PlanNames.Kind(kind)} thực hiện {plan.Title}" + (plan.Number is { } n ? $" (số {n})" : "") + ":",
            $"- Chỉ tiêu: đạt và vượt {f.TargetsMet}/{f.Targets.Count} chỉ tiêu.",
        };
        foreach (var t in f.Targets)
            lines.Add($"  + {t.Name}: {(t.Actual is { } a ? PlanNames.Value(a) : "chưa có số liệu")}/{PlanNames.Value(t.TargetValue)} {t.Unit} ({PlanNames.Status(t.Status).ToLowerInvariant()}).");
        lines.Add($"- Nhiệm vụ: {f.Activities.Count} nhiệm vụ; hoàn thành đúng hạn {f.TasksCompletedOnTime}, hoàn thành quá hạn {f.TasksCompletedLate}, " +
                  $"quá hạn chưa hoàn thành {f.TasksOverdue}, đang thực hiện {f.TasksInProgress}.");
        return string.Join("\n", lines);
    }

    private static string TimelinessName(Timeliness t) => t switch
    {
        Timeliness.NoDeadline => "Không thời hạn",
        Timeliness.OnTime => "Trong hạn",
        Timeliness.DueSoon => "Sắp đến hạn",
        Timeliness.Overdue => "Quá hạn",
        Timeliness.CompletedOnTime => "Hoàn thành đúng hạn",
        _ => "Hoàn thành quá hạn",
    };
}
