using System.Text.Json;
using StackExchange.Redis;

namespace CommitteeCloud.Web.Platform.Realtime;

/// <summary>
/// Carries <see cref="LiveBus"/> messages between nodes over Redis pub/sub, next to SignalR's own Redis backplane:
/// SignalR clients are reached through the backplane, Blazor circuits (not SignalR clients of our hub) through this.
/// Runs only when <c>Redis:Configuration</c> is set.
/// </summary>
public sealed partial class LiveBusRelay(LiveBus bus, IConfiguration configuration, ILogger<LiveBusRelay> logger) : IHostedService, IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("committeecloud:livebus");
    private ConnectionMultiplexer? _redis;

    private sealed record Wire(Guid? UserId, Guid? TenantId, string Kind, JsonElement Payload);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(configuration["Redis:Configuration"]!);
        var subscriber = _redis.GetSubscriber();
        await subscriber.SubscribeAsync(Channel, (_, value) =>
        {
            try
            {
                if (Read(value!) is { } message) bus.Deliver(message);
            }
            catch (Exception ex)
            {
                LogUnreadable(logger, ex);
            }
        });
        bus.RelayThrough(message => subscriber.Publish(Channel, Write(message), CommandFlags.FireAndForget));
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        bus.RelayThrough(null);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
    }

    private static string Write(LiveBusMessage message) => JsonSerializer.Serialize(new Wire(message.UserId, message.TenantId,
        message.Payload switch { LiveNotification => "notification", LiveTenantEvent => "tenant", _ => "unknown" },
        JsonSerializer.SerializeToElement(message.Payload, message.Payload.GetType())));

    private static LiveBusMessage? Read(string value)
    {
        var wire = JsonSerializer.Deserialize<Wire>(value)!;
        object? payload = wire.Kind switch
        {
            "notification" => wire.Payload.Deserialize<LiveNotification>(),
            "tenant" => wire.Payload.Deserialize<LiveTenantEvent>(),
            _ => null,
        };
        return payload is null ? null : new LiveBusMessage(wire.UserId, wire.TenantId, payload);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live message relayed through Redis could not be read")]
    private static partial void LogUnreadable(ILogger logger, Exception ex);
}
