using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Supervision;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Dashboard;

/// <summary>
/// Reads dashboard rows through the supervision read path only (<see cref="SubtreeQueries.InSubtreeOf(DbSet{UnitSummary}, TenantInfo)"/>:
/// the explicit subtree condition on top of the subtree row-level security): one query for the units, and one grouped
/// query for the counters of the units whose sums are not already known at their current version
/// (<see cref="DashboardSumsCache"/>); timeliness is decided here, from the stored due dates and today.
/// </summary>
public sealed class DashboardReader(AppDbContext db, DashboardSumsCache cache)
{
    public async Task<List<DashboardUnit>> RowsAsync(TenantInfo current, int year, DateOnly today,
        Func<IQueryable<UnitSummary>, IQueryable<UnitSummary>> narrow, IReadOnlyCollection<Guid>? only, CancellationToken ct)
    {
        // The versions and the counters read together: sums are never kept under a version they do not belong to.
        await using var snapshot = await db.ReadOneSnapshotAsync(ct);
        var units = db.UnitSummaries.InSubtreeOf(current);
        if (only is not null) units = units.Where(s => only.Contains(s.TenantId));
        var summaries = await narrow(units).AsNoTracking().OrderBy(s => s.Path).ToListAsync(ct);
        if (summaries.Count == 0) return [];

        var sums = new Dictionary<Guid, DashboardSums[]>(summaries.Count);
        var missing = new List<UnitSummary>();
        foreach (var s in summaries)
        {
            if (cache.TryGet(new(s.TenantId, s.CountersVersion, year, today), out var known)) sums[s.TenantId] = known;
            else missing.Add(s);
        }
        if (missing.Count > 0)
        {
            var read = await SumsAsync(current, year, today, [.. missing.Select(s => s.TenantId)], ct);
            foreach (var s in missing)
            {
                var unitSums = read[s.TenantId].ToArray();
                cache.Set(new(s.TenantId, s.CountersVersion, year, today), unitSums);
                sums[s.TenantId] = unitSums;
            }
        }
        return [.. summaries.Select(s => Row(s, current, year, today, sums[s.TenantId]))];
    }

    private async Task<ILookup<Guid, DashboardSums>> SumsAsync(TenantInfo current, int year, DateOnly today, List<Guid> unitIds, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var soon = today.AddDays(TaskTimeliness.DueSoonDays);
        var rows = await db.DashboardItems.InSubtreeOf(current)
            .Where(i => unitIds.Contains(i.TenantId))
            .Where(i => (i.Outcome == DashboardOutcome.Open && (i.DueOn == null || i.DueOn <= to))
                        || (i.Outcome != DashboardOutcome.Open && (i.DueOn == null || (i.DueOn >= from && i.DueOn <= to))))
            .GroupBy(i => new { i.TenantId, i.Kind })
            .Select(g => new
            {
                g.Key.TenantId,
                Sums = new DashboardSums(
                    g.Key.Kind,
                    g.Sum(i => i.Outcome == DashboardOutcome.Open && i.DueOn == null ? i.Count : 0),
                    g.Sum(i => i.Outcome == DashboardOutcome.Open && i.DueOn > soon ? i.Count : 0),
                    g.Sum(i => i.Outcome == DashboardOutcome.Open && i.DueOn >= today && i.DueOn <= soon ? i.Count : 0),
                    g.Sum(i => i.Outcome == DashboardOutcome.Open && i.DueOn < today ? i.Count : 0),
                    g.Sum(i => i.Outcome == DashboardOutcome.DoneOnTime ? i.Count : 0),
                    g.Sum(i => i.Outcome == DashboardOutcome.DoneLate ? i.Count : 0),
                    g.Sum(i => i.Met)),
            })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.TenantId, r => r.Sums);
    }

    private static DashboardUnit Row(UnitSummary s, TenantInfo current, int year, DateOnly today, DashboardSums[] sums)
    {
        DashboardSums Of(DashboardItemKind kind) => sums.FirstOrDefault(x => x.Kind == kind) ?? new DashboardSums(kind, 0, 0, 0, 0, 0, 0, 0);
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
