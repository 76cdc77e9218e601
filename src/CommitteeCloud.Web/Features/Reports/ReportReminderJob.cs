using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Database;
using CommitteeCloud.Web.Platform.Jobs;
using CommitteeCloud.Web.Platform.Outbox;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// Nhắc hạn nộp báo cáo: once an hour, on one node at a time (advisory lock), visits each tenant and reminds those who
/// write and approve its reports of a report due in 3 days, in 1 day, or overdue and not yet submitted. Each
/// notification's key names the report, the threshold and the deadline, so the inbox's unique key makes a rerun, a
/// second node or a restart send nothing twice; only the most urgent threshold reached is sent.
/// </summary>
public sealed class ReportReminderJob(IServiceScopeFactory scopes, DatabaseOptions database, TimeProvider clock, ILogger<ReportReminderJob> logger)
    : ScheduledJob(clock, logger)
{
    private const long LockKey = 0x52_45_50_4F_52_54; // "REPORT"
    public const string DueSoon = "report-due-soon";
    public const string Overdue = "report-overdue";

    public override async Task<int?> RunOnceAsync(CancellationToken ct)
    {
        await using var runLock = await AdvisoryLock.TryTakeAsync(database.AppConnectionString, LockKey, ct);
        if (runLock is null) return null;
        var today = Clock.Today();
        return await scopes.SumOverTenantsAsync(nameof(ReportReminderJob), activeOnly: true, services => RemindAsync(services, today, ct), ct);
    }

    private static async Task<int> RemindAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        var tenant = services.GetRequiredService<ITenantContext>().Tenant!;
        var db = services.GetRequiredService<AppDbContext>();
        var horizon = today.AddDays(3);
        var due = await db.Reports.AsNoTracking()
            .Where(r => r.Deadline <= horizon && r.OpensOn <= today && r.State != ReportState.Submitted)
            .Select(r => new { r.Id, r.Kind, r.Year, r.Number, r.PeriodFrom, r.PeriodTo, r.Deadline, r.ParentTenantName })
            .ToListAsync(ct);
        if (due.Count == 0) return 0;
        var handOffs = services.GetRequiredService<ReportHandOffs>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var r in due)
        {
            var daysLeft = r.Deadline.DayNumber - today.DayNumber;
            var threshold = daysLeft < 0 ? -1 : daysLeft <= 1 ? 1 : 3;
            var period = ReportPeriods.Name(r.Kind, r.Year, r.Number, r.PeriodFrom, r.PeriodTo);
            var (kind, title) = threshold < 0
                ? (Overdue, $"Quá hạn nộp báo cáo {period}")
                : (DueSoon, $"Còn {daysLeft} ngày đến hạn nộp báo cáo {period}");
            await handOffs.NotifyUnitAsync(kind, title, $"{r.ParentTenantName} — hạn nộp {r.Deadline:dd/MM/yyyy}",
                $"/t/{tenant.Code}/reports/received?id={r.Id}", $"report-reminder:{r.Id:N}:{threshold}:{r.Deadline:yyyyMMdd}", ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await services.GetRequiredService<AfterCommit>().RunAsync();
        return due.Count;
    }
}
