using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Web.Platform.Outbox;

/// <summary>
/// A domain event saved in the same transaction as the change that raised it. Global (not row-level-secured)
/// because the dispatcher reads every tenant's events; each row carries the tenant the event happened in, and its
/// handlers run in a scope of that tenant only.
/// </summary>
public sealed class OutboxMessage : IGlobalEntity
{
    public Guid Id { get; set; }
    public Guid? TenantId { get; set; }
    public Guid? ActorUserId { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "{}";
    public DateTimeOffset OccurredAt { get; set; }
}

/// <summary>
/// The delivery of one message to one handler. Handlers are retried independently with backoff, so a failing
/// handler never blocks the others or the messages behind it.
/// </summary>
public sealed class OutboxDelivery : IGlobalEntity
{
    public const int MaxAttempts = 12;

    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public string Handler { get; set; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
}
