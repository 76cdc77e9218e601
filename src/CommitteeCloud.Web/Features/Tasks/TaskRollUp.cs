using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// Recomputes a task from its hand-offs (tổng hợp) and, when it is itself a received task whose figures changed,
/// reports up to its own assigner: that is how a cell's report reaches the province, one level at a time.
/// </summary>
public sealed class TaskRollUp(AppDbContext db, TimeProvider clock)
{
    public async Task RecomputeAsync(WorkTask task, CancellationToken ct)
    {
        var handoffs = await db.TaskHandoffs.Where(h => h.TaskId == task.Id).ToListAsync(ct);
        var counting = handoffs.Where(h => h.CountsInRollUp).ToList();
        if (counting.Count == 0) return;
        var before = (task.State, task.Percent, task.ReportedThrough);
        var progress = RollUp.Of([.. counting.Select(h => h.Progress)], task.PercentSetByHand ? task.Percent : null);
        var lastCompleted = progress.Done ? counting.Max(h => h.CompletedOn) : null;
        task.ApplyRollUp(progress, lastCompleted, clock.GetUtcNow());
        if (task.Deadline is Deadline.Recurring)
        {
            // A recurring task handed down is reported, for a period, once every lead unit has reported it (every unit
            // when none leads): its own deadline then moves to the next period, as each unit's does.
            var leads = counting.Where(h => h.Role == HandoffRole.Lead).ToList();
            var reporting = leads.Count > 0 ? leads : counting;
            if (reporting.All(h => h.ReportedThrough is not null)) task.RecordReportedThrough(reporting.Min(h => h.ReportedThrough)!.Value, clock.GetUtcNow());
        }
        if (task.IsReceived && before != (task.State, task.Percent, task.ReportedThrough)) task.ReportToAssigner(null);
    }
}
