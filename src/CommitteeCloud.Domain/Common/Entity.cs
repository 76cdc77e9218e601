namespace CommitteeCloud.Domain.Common;

/// <summary>
/// Base of every aggregate: an id and the domain events it raised during the current unit of work.
/// The persistence layer moves the events into the outbox in the same transaction as the change.
/// </summary>
public abstract class Entity
{
    private readonly List<IDomainEvent> _events = [];

    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    public IReadOnlyList<IDomainEvent> DomainEvents => _events;

    protected void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);

    public void ClearDomainEvents() => _events.Clear();
}

/// <summary>Something that happened in the domain and that others (push, inbox, roll-ups) react to.</summary>
public interface IDomainEvent;

/// <summary>
/// An event that happens in one tenant and is handled in another: a child's report to its assigner, a supervisor's
/// request to a unit below. Its handlers run in <see cref="TargetTenantId"/>'s scope only, and must check the link
/// they act on (the hand-off, the task) exists there.
/// </summary>
public interface IRoutedEvent : IDomainEvent
{
    Guid TargetTenantId { get; }
}

/// <summary>
/// A row that belongs to exactly one tenant. Isolation is on by default for these: EF Core filters them by the
/// current tenant and PostgreSQL row-level security refuses any other tenant's rows. The tenant id is set by the
/// persistence layer from the tenant context, never from user input.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}

/// <summary>
/// A row that also belongs to one person (an inbox entry): they may read and update it from any tenant they act
/// in, while only the tenant it was created in may create it.
/// </summary>
public interface IPersonOwned
{
    Guid UserId { get; }
}

/// <summary>
/// A table deliberately shared by all tenants (the tenant catalog, user accounts, the outbox).
/// Every entity is either <see cref="ITenantOwned"/> or this: an architecture test enforces it.
/// </summary>
public interface IGlobalEntity;

/// <summary>
/// A read model about one unit that its ancestors may read (the supervision read path). Row-level security lets a
/// session see the rows of its own tenant and of every tenant below it, nothing else; it is written only from the
/// unit's own outbox events.
/// </summary>
public interface ISubtreeReadModel
{
    Guid TenantId { get; }
}

/// <summary>An aggregate edited by people concurrently: stale writes are refused (HTTP 409).</summary>
public interface IVersioned
{
    /// <summary>PostgreSQL's <c>xmin</c>; clients send it back with an edit.</summary>
    uint Version { get; }
}

/// <summary>Thrown when a domain rule is broken by an input; the API maps it to a 400 naming the field.</summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
