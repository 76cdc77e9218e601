using CommitteeCloud.Web.Features.Supervision;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Dashboard;

/// <summary>
/// Recounts the changed units' dashboard counters from the rows the acting tenant holds, and tells every live view
/// above each unit which unit changed (<see cref="UnitSummaryProjector.SubtreeChanged"/> with the unit's id), so an
/// open dashboard fetches that unit's row alone.
/// </summary>
public sealed class DashboardProjector(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push)
    : IDomainEventHandler<DashboardSourcesChanged>
{
    public async ValueTask HandleAsync(DashboardSourcesChanged e, DomainEventContext c, CancellationToken ct)
    {
        var current = context.Tenant ?? throw new InvalidOperationException("Dashboard counters are recounted in the tenant that holds their rows.");
        foreach (var unitId in e.UnitIds)
        {
            var path = await DashboardCounter.RecountAsync(db, current, unitId, clock, ct);
            if (path is not null) afterCommit.Add(() => push.ToTenantAndAncestorsAsync(path, UnitSummaryProjector.SubtreeChanged, unitId));
        }
    }
}
