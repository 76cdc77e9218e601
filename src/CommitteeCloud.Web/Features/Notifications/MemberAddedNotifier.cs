using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Notifications;

/// <summary>Tells a person, live and in their inbox, that they were added to a tenant; tells its members the list changed.</summary>
public sealed class MemberAddedNotifier(Inbox inbox, ITenantContext context, AfterCommit afterCommit, LivePush push)
    : IDomainEventHandler<MemberAdded>
{
    public const string Kind = "member-added";

    public async ValueTask HandleAsync(MemberAdded domainEvent, DomainEventContext eventContext, CancellationToken ct)
    {
        var tenant = context.Tenant!;
        await inbox.AddAsync(domainEvent.UserId, Kind,
            $"Bạn được thêm vào {tenant.Name}",
            domainEvent.RoleNames.Length > 0 ? $"Vai trò: {string.Join(", ", domainEvent.RoleNames)}" : null,
            $"/t/{tenant.Code}",
            dedupKey: $"{Kind}:{eventContext.EventId:N}", ct);
        afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(tenant.Id, "memberAdded", domainEvent.MembershipId)));
    }
}
