using CommitteeCloud.Domain.Tenants;

namespace CommitteeCloud.Web.Features.Tenants;

/// <summary>A tenant as the API shows it; <see cref="Version"/> is sent back when renaming it.</summary>
public sealed record TenantDto(Guid Id, string Code, string Name, TenantKind Kind, string LevelLabel, Guid? ParentId, TenantStatus Status, uint Version)
{
    public static TenantDto From(Tenant t) => new(t.Id, t.Code, t.Name, t.Kind, t.LevelLabel, t.ParentId, t.Status, t.Version);
}
