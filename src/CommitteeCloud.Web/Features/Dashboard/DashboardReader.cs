using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Supervision;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Dashboard;

/// <summary>
/// Reads dashboard rows through the supervision read path only (<see cref="SubtreeQueries.InSubtreeOf(DbSet{UnitSummary}, TenantInfo)"/>:
/// the explicit subtree condition on top of the subtree row-level security): one query for the units, one grouped
/// query for their counters; timeliness is decided here, from the stored due dates and today.
/// </summary>
public static class DashboardReader
{
    public static async Task<List<DashboardUnit>> RowsAsync(AppDbContext db, TenantInfo current, int year, DateOnly today,
        Func<IQueryable<UnitSummary>, IQueryable<UnitSummary>> narrow, IReadOnlyCollection<Guid>? only, CancellationToken ct)
    {
        var units = db.UnitSummaries.InSubtreeOf(current);
        if (only is not null) units = units.Where(s => only.Contains(s.TenantId));
        var summaries = await narrow(units).AsNoTracking().OrderBy(s => s.Path).ToListAsync(ct);
        if (summaries.Count == 0) return [];

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var soon = today.AddDays(TaskTimeliness.DueSoonDays);
        var items = db.DashboardItems.InSubtreeOf(current)
            .Where(i => (i.Outcome == DashboardOutcome.Open && (i.DueOn == null || i.DueOn <= to))
                        || (i.Outcome != DashboardOutcome.Open && (i.DueOn == null || (i.DueOn >= from && i.DueOn <= to))));
        if (only is not null) items = items.Where(i => only.Contains(i.TenantId));
        var sums = (await items
            .GroupBy(i => new { i.TenantId, i.Kind })
            .Select(g => new Sums(
                g.Key.TenantId, g.Key.Kind,
                g.Sum(i => i.Outcome == DashboardOutcome.Open && i.DueOn == null ? i.Count : 0),
                g.Sum(i => i.Outcome == DashboardOutcome.Open && i.DueOn > soon ? i.Count : 0),
                g.Sum(i => i.Outcome == DashboardOutcome.Open && i.DueOn >= today && i.DueOn <= soon ? i.Count : 0),
                g.Sum(i => i.Outcome == DashboardOutcome.Open && i.DueOn < today ? i.Count : 0),
                g.Sum(i => i.Outcome == DashboardOutcome.DoneOnTime ? i.Count : 0),
                g.Sum(i => i.Outcome == DashboardOutcome.DoneLate ? i.Count : 0),
                g.Sum(i => i.Met)))
            .ToListAsync(ct))
            .ToLookup(s => s.TenantId);

        return [.. summaries.Select(s => Row(s, current, year, today, sums[s.TenantId].ToList()))];
    }

    private sealed record Sums(Guid TenantId, DashboardItemKind Kind, int NoDeadline, int Later, int DueSoon, int Overdue, int OnTime, int Late, int Met);

    private static DashboardUnit Row(UnitSummary s, TenantInfo current, int year, DateOnly today, List<Sums> sums)
    {
        Sums Of(DashboardItemKind kind) => sums.FirstOrDefault(x => x.Kind == kind) ?? new Sums(s.TenantId, kind, 0, 0, 0, 0, 0, 0, 0);
        var t = Of(DashboardItemKind.Task);
        var r = Of(DashboardItemKind.Report);
        var c = Of(DashboardItemKind.Commitment);
        var tasks = new TimelinessCounts(t.NoDeadline, t.Later, t.DueSoon, t.Overdue, t.OnTime, t.Late);
        var reports = new ReportFigures(r.OnTime, r.Late, r.Overdue, r.NoDeadline + r.Later + r.DueSoon);
        var commitments = new CommitmentFigures(c.OnTime + c.Late, c.Late, c.Met, c.NoDeadline + c.Later + c.DueSoon + c.Overdue);
        var leader = s.HasLeaderInForce(today);
        var dialogue = s.LastStaffDialogueOn is { } d && d.Year == year;
        var review = s.ReviewTitle is { } title && s.ReviewTotal is { } total
            ? new ReviewResult(title, s.ReviewYear ?? year, total, s.ReviewBand ?? "", s.ReviewRank, s.ReviewRankedUnits ?? 0)
            : null;

        List<string> flags = [];
        if (tasks.Overdue > 0) flags.Add($"{tasks.Overdue} nhiệm vụ quá hạn");
        if (reports.Missing > 0) flags.Add($"{reports.Missing} báo cáo quá hạn chưa gửi");
        if (tasks.DueSoon > 0) flags.Add($"{tasks.DueSoon} nhiệm vụ sắp đến hạn");
        if (!leader) flags.Add("Chưa có quyết định phân công lãnh đạo phụ trách");
        if (!dialogue) flags.Add($"Chưa đối thoại với cán bộ, công chức năm {year}");
        var health = s.Status == TenantStatus.Suspended ? UnitHealth.Suspended
            : tasks.Overdue > 0 || reports.Missing > 0 ? UnitHealth.Red
            : flags.Count > 0 ? UnitHealth.Amber
            : UnitHealth.Green;
        return new DashboardUnit(s.TenantId, s.ParentId, s.Code, s.Name, s.LevelLabel, s.Kind, s.Status, s.Depth - current.Depth,
            tasks, reports, commitments, leader, s.LeaderName, dialogue, s.LastStaffDialogueOn, review, health, flags);
    }
}
