using CommitteeCloud.Domain.Indices;
using CommitteeCloud.Domain.Training;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Indices;

/// <summary>
/// Tells the unit's open pages, live, that an index value or a training course changed. Only the unit's own members
/// hear it (its tenant group): neither is shown to the units above or below.
/// </summary>
public sealed class IndicesLive(ITenantContext context, AfterCommit afterCommit, LivePush push)
    : IDomainEventHandler<PublicIndexChanged>, IDomainEventHandler<TrainingCourseChanged>
{
    public const string IndicesChangedEvent = "indicesChanged";
    public const string TrainingChangedEvent = "trainingChanged";

    public ValueTask HandleAsync(PublicIndexChanged domainEvent, DomainEventContext eventContext, CancellationToken ct) =>
        Push(IndicesChangedEvent, domainEvent.ValueId);

    public ValueTask HandleAsync(TrainingCourseChanged domainEvent, DomainEventContext eventContext, CancellationToken ct) =>
        Push(TrainingChangedEvent, domainEvent.CourseId);

    private ValueTask Push(string type, Guid id)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException("A change is pushed from its own tenant.");
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(tenant.Id, type, id)));
        return ValueTask.CompletedTask;
    }
}
