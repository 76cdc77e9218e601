namespace CommitteeCloud.Web.Platform.Realtime;

/// <summary>SignalR group names. Always named with the tenant or person: nothing is ever sent to all clients.</summary>
public static class LiveGroups
{
    public static string User(Guid userId) => $"user:{userId:N}";
    public static string Tenant(Guid tenantId) => $"tenant:{tenantId:N}";
    public static string TenantRole(Guid tenantId, string role) => $"tenant:{tenantId:N}:role:{role}";
}

/// <summary>Client method names the hub sends.</summary>
public static class LiveMethods
{
    public const string Notification = "notification";
    public const string TenantEvent = "tenantEvent";
}

/// <summary>What a person's clients receive when something lands in their inbox.</summary>
public sealed record LiveNotification(
    Guid Id, Guid TenantId, string TenantCode, string TenantName, string Kind, string Title, string? Body, string? Link, DateTimeOffset CreatedAt);

/// <summary>What members of a tenant receive when something changes in it.</summary>
public sealed record LiveTenantEvent(Guid TenantId, string Type, Guid? EntityId);
