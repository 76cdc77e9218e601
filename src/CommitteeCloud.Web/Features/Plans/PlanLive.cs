using CommitteeCloud.Domain.Plans;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>
/// Tells open pages, live, that a plan changed: the unit's own and its ancestors' (supervisors follow plans below),
/// and, when a plan is issued or reviewed, each child unit it went to (where the parent's plan appears as received).
/// </summary>
public sealed class PlanLive(ITenantContext context, AfterCommit afterCommit, LivePush push)
    : IDomainEventHandler<PlanChanged>, IDomainEventHandler<PlanSentDown>
{
    public const string PlanChangedEvent = "planChanged";

    public ValueTask HandleAsync(PlanChanged domainEvent, DomainEventContext eventContext, CancellationToken ct)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException("A plan's change is pushed from its own tenant.");
        afterCommit.Add(() => push.ToTenantAndAncestorsAsync(tenant.Path, PlanChangedEvent, domainEvent.PlanId));
        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(PlanSentDown domainEvent, DomainEventContext eventContext, CancellationToken ct)
    {
        // Runs in the child's scope: only its own members are told; the parent's plan id means nothing there but its arrival.
        var tenant = context.Tenant ?? throw new InvalidOperationException("A plan sent down is pushed in the receiving tenant.");
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(tenant.Id, PlanChangedEvent, null)));
        return ValueTask.CompletedTask;
    }
}
