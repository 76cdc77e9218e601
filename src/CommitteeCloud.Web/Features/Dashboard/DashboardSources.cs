using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Domain.Tasks;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CommitteeCloud.Web.Features.Dashboard;

/// <summary>
/// Rows the dashboard counts changed for these units in the tenant where the event was raised: the units' own tasks,
/// or the slots of report requests and registration rounds the tenant holds about its children, or a review cycle's
/// results. Handled in that same tenant, which can read the source rows and write the units' counters.
/// </summary>
public sealed record DashboardSourcesChanged(IReadOnlyList<Guid> UnitIds) : IDomainEvent;

public static class DashboardSources
{
    /// <summary>
    /// The units whose counters a save touches, found in the change tracker so that no command can forget to say so:
    /// any task, report slot or registration slot added, changed or removed through EF. Set-based SQL that bypasses
    /// the tracker publishes <see cref="DashboardSourcesChanged"/> itself (finalizing a review cycle), and the rebuild
    /// command repairs anything written behind the app's back.
    /// </summary>
    public static DashboardSourcesChanged? Collect(ChangeTracker tracker)
    {
        HashSet<Guid>? units = null;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            Guid? unit = entry.Entity switch
            {
                WorkTask task => task.TenantId,
                ReportSlot slot => slot.ChildTenantId,
                CommitmentSlot slot => slot.ChildTenantId,
                _ => null,
            };
            if (unit is { } id && id != Guid.Empty) (units ??= []).Add(id);
        }
        return units is null ? null : new DashboardSourcesChanged([.. units.Order()]);
    }
}
