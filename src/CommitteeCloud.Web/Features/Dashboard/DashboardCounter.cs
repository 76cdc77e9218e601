using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Dashboard;

/// <summary>
/// Counts one unit's dashboard figures from the rows the acting tenant holds: the unit's own tasks when it acts in the
/// unit; the report slots, registration slots and review rankings it holds about the unit when it acts above it. The
/// live projector and the rebuild call the same code, so a rebuild gives the live numbers.
/// </summary>
public static class DashboardCounter
{
    private static readonly DashboardItemKind[] OwnKinds = [DashboardItemKind.Task];
    private static readonly DashboardItemKind[] HeldAboveKinds = [DashboardItemKind.Report, DashboardItemKind.Commitment];

    /// <summary>Replaces the unit's counters that the acting tenant is the source of; returns the unit's path, or null when the unit is not in the acting tenant's subtree.</summary>
    public static async Task<string?> RecountAsync(AppDbContext db, TenantInfo current, Guid unitId, TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.Tenants.AsNoTracking().Where(t => t.Id == unitId).Select(t => new { t.Id, t.Path }).FirstOrDefaultAsync(ct);
        if (unit is null || (unit.Id != current.Id && !unit.Path.StartsWith(current.Path + ".", StringComparison.Ordinal))) return null;

        // Two deliveries about the same unit and source may run at once (two nodes, two batches): the second waits
        // for the first to commit, then counts what it wrote, so the rows are never doubled.
        var lockKey = $"dashboard:{unitId:N}:{current.Id:N}";
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockKey}, 0))", ct);

        var own = unitId == current.Id;
        var items = Compact(own
            ? await TaskItemsAsync(db, clock.Today(), ct)
            : [.. await ReportItemsAsync(db, unitId, ct), .. await CommitmentItemsAsync(db, unitId, ct)]);
        var kinds = own ? OwnKinds : HeldAboveKinds;
        await db.DashboardItems.Where(i => i.TenantId == unitId && i.SourceTenantId == current.Id && kinds.Contains(i.Kind)).ExecuteDeleteAsync(ct);
        foreach (var item in items)
        {
            item.TenantId = unitId;
            item.Path = unit.Path;
            item.SourceTenantId = current.Id;
            db.DashboardItems.Add(item);
        }
        await db.UnitSummaries.Where(s => s.TenantId == unitId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CountersVersion, s => s.CountersVersion + 1), ct);
        if (!own) await RecountReviewAsync(db, unitId, ct);
        return unit.Path;
    }

    /// <summary>
    /// Every task the unit holds except drafts, rejected and cancelled ones; a paused task counts as having no deadline
    /// and an accepted one by the day it was completed (the rule of <see cref="TaskTimeliness.OfTask"/>, as the inbox).
    /// </summary>
    private static async Task<List<DashboardItem>> TaskItemsAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var groups = await db.Tasks.AsNoTracking()
            .Where(t => t.State != TaskState.Draft && t.State != TaskState.Rejected && t.State != TaskState.Cancelled)
            .Select(t => new
            {
                DueOn = t.State == TaskState.Paused ? null : t.CurrentDeadline,
                Done = t.State == TaskState.Accepted,
                Late = t.State == TaskState.Accepted && t.CurrentDeadline != null && (t.CompletedOn ?? today) > t.CurrentDeadline,
            })
            .GroupBy(x => new { x.DueOn, x.Done, x.Late })
            .Select(g => new { g.Key.DueOn, g.Key.Done, g.Key.Late, Count = g.Count() })
            .ToListAsync(ct);
        return [.. groups.Select(g => Item(DashboardItemKind.Task, g.DueOn, g.Done, g.Late, g.Count))];
    }

    /// <summary>A report is done once submitted (late or not); returned or not yet sent, it is open until its deadline.</summary>
    private static async Task<List<DashboardItem>> ReportItemsAsync(AppDbContext db, Guid unitId, CancellationToken ct)
    {
        var groups = await db.ReportSlots.AsNoTracking().Where(s => s.ChildTenantId == unitId)
            .GroupBy(s => new { s.Deadline, Done = s.State == ReportState.Submitted, s.SubmittedLate })
            .Select(g => new { g.Key.Deadline, g.Key.Done, g.Key.SubmittedLate, Count = g.Count() })
            .ToListAsync(ct);
        return [.. groups.Select(g => Item(DashboardItemKind.Report, g.Deadline, g.Done, g.Done && g.SubmittedLate, g.Count))];
    }

    /// <summary>A registration is done once sent up (awaiting approval or approved); met when approved and every target reached.</summary>
    private static async Task<List<DashboardItem>> CommitmentItemsAsync(AppDbContext db, Guid unitId, CancellationToken ct)
    {
        var slots = await db.CommitmentSlots.AsNoTracking().Where(s => s.ChildTenantId == unitId)
            .Select(s => new { s.Deadline, s.State, s.SubmittedLate, s.Targets }).ToListAsync(ct);
        return [.. slots
            .Select(s => new
            {
                s.Deadline,
                Done = s.State is CommitmentState.Submitted or CommitmentState.Approved,
                s.SubmittedLate,
                Met = s.State == CommitmentState.Approved && s.Targets.Count > 0 && s.Targets.All(t => t.Actual is { } a && a >= t.Target),
            })
            .GroupBy(s => (s.Deadline, s.Done, Late: s.Done && s.SubmittedLate))
            .Select(g =>
            {
                var item = Item(DashboardItemKind.Commitment, g.Key.Deadline, g.Key.Done, g.Key.Late, g.Count());
                item.Met = g.Count(s => s.Met);
                return item;
            })];
    }

    /// <summary>The unit's result in the latest finalized cycle (by year, then finalization) that ranked it; none after a reopening.</summary>
    private static async Task RecountReviewAsync(AppDbContext db, Guid unitId, CancellationToken ct)
    {
        var summary = await db.UnitSummaries.FirstOrDefaultAsync(s => s.TenantId == unitId, ct);
        if (summary is null) return;
        var cycles = await db.ReviewCycles.AsNoTracking().Where(c => c.State == ReviewCycleState.Finalized)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.FinalizedAt)
            .Select(c => new { c.Title, c.Year, c.Ranking }).ToListAsync(ct);
        var latest = cycles.Select(c => (c.Title, c.Year, c.Ranking, Row: c.Ranking.FirstOrDefault(r => r.ChildTenantId == unitId)))
            .FirstOrDefault(c => c.Row is not null);
        summary.ReviewTitle = latest.Row is null ? null : latest.Title;
        summary.ReviewYear = latest.Row is null ? null : latest.Year;
        summary.ReviewTotal = latest.Row?.Total;
        summary.ReviewBand = latest.Row?.Band;
        summary.ReviewRank = latest.Row?.Rank;
        summary.ReviewRankedUnits = latest.Row is null ? null : latest.Ranking.Count(r => r.Rank is not null);
    }

    /// <summary>
    /// Open items keep their exact day (they turn due-soon and overdue by it); done ones only need their month for the
    /// period filters, so three years of a unit's finished work is a few dozen rows, not one per deadline day.
    /// </summary>
    private static List<DashboardItem> Compact(List<DashboardItem> items) =>
    [
        .. items
            .Select(i => { if (i.Outcome != DashboardOutcome.Open && i.DueOn is { } d) i.DueOn = new DateOnly(d.Year, d.Month, 1); return i; })
            .GroupBy(i => (i.Kind, i.DueOn, i.Outcome))
            .Select(g => new DashboardItem { Kind = g.Key.Kind, DueOn = g.Key.DueOn, Outcome = g.Key.Outcome, Count = g.Sum(i => i.Count), Met = g.Sum(i => i.Met) }),
    ];

    private static DashboardItem Item(DashboardItemKind kind, DateOnly? dueOn, bool done, bool late, int count) => new()
    {
        Kind = kind,
        DueOn = dueOn,
        Outcome = !done ? DashboardOutcome.Open : late ? DashboardOutcome.DoneLate : DashboardOutcome.DoneOnTime,
        Count = count,
    };
}
