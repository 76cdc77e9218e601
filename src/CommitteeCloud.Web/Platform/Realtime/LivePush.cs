using Microsoft.AspNetCore.SignalR;

namespace CommitteeCloud.Web.Platform.Realtime;

/// <summary>
/// Sends live messages to SignalR clients (through the Redis backplane when configured) and to the Blazor
/// circuits of this node. Call it after commit only (see <c>AfterCommit</c>).
/// </summary>
public sealed class LivePush(IHubContext<LiveHub> hub, LiveBus bus)
{
    public async Task ToUserAsync(Guid userId, LiveNotification notification)
    {
        await hub.Clients.Group(LiveGroups.User(userId)).SendAsync(LiveMethods.Notification, notification);
        bus.Publish(new LiveBusMessage(userId, null, notification));
    }

    public async Task ToTenantAsync(LiveTenantEvent tenantEvent)
    {
        await hub.Clients.Group(LiveGroups.Tenant(tenantEvent.TenantId)).SendAsync(LiveMethods.TenantEvent, tenantEvent);
        bus.Publish(new LiveBusMessage(null, tenantEvent.TenantId, tenantEvent));
    }

    /// <summary>The same event to the tenant at the end of <paramref name="path"/> and to every tenant above it: supervisors' live views.</summary>
    public async Task ToTenantAndAncestorsAsync(string path, string type, Guid? entityId)
    {
        foreach (var label in path.Split('.'))
            await ToTenantAsync(new LiveTenantEvent(Guid.ParseExact(label, "N"), type, entityId));
    }
}

public sealed record LiveBusMessage(Guid? UserId, Guid? TenantId, object Payload);

/// <summary>
/// In-process fan-out to Blazor components (a server-rendered page is not a SignalR client of our hub). Subscribers
/// filter by their own person or tenant.
/// </summary>
public sealed class LiveBus
{
    private readonly Lock _gate = new();
    private Action<LiveBusMessage>[] _subscribers = [];
    private Action<LiveBusMessage>? _relay;

    /// <summary>
    /// With several nodes, a page open on one node must hear of a change made on another: once a relay is set
    /// (<see cref="LiveBusRelay"/>), messages go out through it and come back to every node, this one included, by
    /// <see cref="Deliver"/>.
    /// </summary>
    public void RelayThrough(Action<LiveBusMessage>? relay) => _relay = relay;

    public IDisposable Subscribe(Action<LiveBusMessage> subscriber)
    {
        lock (_gate) _subscribers = [.. _subscribers, subscriber];
        return new Subscription(this, subscriber);
    }

    public void Publish(LiveBusMessage message)
    {
        if (_relay is { } relay) relay(message);
        else Deliver(message);
    }

    /// <summary>To this node's subscribers.</summary>
    public void Deliver(LiveBusMessage message)
    {
        foreach (var subscriber in _subscribers) subscriber(message);
    }

    private void Unsubscribe(Action<LiveBusMessage> subscriber)
    {
        lock (_gate) _subscribers = [.. _subscribers.Where(s => s != subscriber)];
    }

    private sealed class Subscription(LiveBus bus, Action<LiveBusMessage> subscriber) : IDisposable
    {
        public void Dispose() => bus.Unsubscribe(subscriber);
    }
}
