using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Web.Platform.Auditing;

/// <summary>
/// One change to one entity: who, in which tenant, through which request, and the changed fields before and after.
/// Append-only: the app's database role may insert but never update or delete, and a trigger refuses both.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? UserId { get; set; }
    public string Operation { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";

    /// <summary>JSON: <c>{"field": {"before": ..., "after": ...}}</c>; secrets are never written.</summary>
    public string Changes { get; set; } = "{}";

    public string? TraceId { get; set; }
}

/// <summary>What the current unit of work is called in the audit trail (the request or the event handler).</summary>
public sealed class AuditScope
{
    public string? Operation { get; set; }

    /// <summary>
    /// An anonymous submission (an anonymous dialogue question): its audit entries and outbox events record no person
    /// and no trace id, else the trail would name whom the product promised not to.
    /// </summary>
    public bool WithoutActor { get; set; }
}
