using System.Collections.Frozen;
using System.Reflection;
using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Web.Platform.Outbox;

/// <summary>Handles one kind of domain event. Must be idempotent: delivery is at least once.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    ValueTask HandleAsync(TEvent domainEvent, DomainEventContext context, CancellationToken ct);
}

/// <summary>Where and when the event happened; <see cref="EventId"/> is the outbox message id (use it to deduplicate).</summary>
public sealed record DomainEventContext(Guid EventId, Guid? TenantId, Guid? ActorUserId, DateTimeOffset OccurredAt);

/// <summary>
/// Which events exist and who handles them, discovered once from the assemblies: adding a handler class is the
/// whole registration.
/// </summary>
public sealed class DomainEventRegistry
{
    private readonly FrozenDictionary<string, Type> _eventsByName;
    private readonly FrozenDictionary<Type, string[]> _handlerNames;
    private readonly FrozenDictionary<string, (Type Handler, Type Event)> _handlersByName;

    public DomainEventRegistry(params Assembly[] assemblies)
    {
        var events = assemblies.SelectMany(SafeTypes)
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDomainEvent).IsAssignableFrom(t))
            .ToList();
        _eventsByName = events.ToFrozenDictionary(t => t.Name);
        var handlers = assemblies.SelectMany(SafeTypes)
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>))
                .Select(i => (Handler: t, Event: i.GetGenericArguments()[0])))
            .ToList();
        // One class may handle several events: a delivery names the class and the event it handles.
        _handlersByName = handlers.ToFrozenDictionary(h => NameOf(h.Handler, h.Event), h => (h.Handler, h.Event));
        _handlerNames = events.ToFrozenDictionary(
            e => e,
            e => handlers.Where(h => h.Event.IsAssignableFrom(e)).Select(h => NameOf(h.Handler, h.Event)).Order().ToArray());
    }

    public static string NameOf(Type handler, Type domainEvent) => $"{handler.FullName}<{domainEvent.Name}>";

    public IEnumerable<Type> HandlerTypes => _handlersByName.Values.Select(h => h.Handler).Distinct();

    public string NameOf(Type eventType) =>
        _eventsByName.ContainsKey(eventType.Name) ? eventType.Name : throw new InvalidOperationException($"Unknown event {eventType}.");

    public Type? EventType(string name) => _eventsByName.GetValueOrDefault(name);

    public IReadOnlyList<string> HandlerNamesFor(Type eventType) => _handlerNames.GetValueOrDefault(eventType) ?? [];

    public (Type Handler, Type Event)? Handler(string name) =>
        _handlersByName.TryGetValue(name, out var h) ? h : null;

    private static IEnumerable<Type> SafeTypes(Assembly a)
    {
        try { return a.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.Where(t => t is not null)!; }
    }
}
