using CommitteeCloud.Domain.Tenants;

namespace CommitteeCloud.Web.Features.Tenants;

public sealed record TenantDto(Guid Id, string Code, string Name, TenantKind Kind, string LevelLabel, Guid? ParentId, TenantStatus Status)
{
    public static TenantDto From(Tenant t) => new(t.Id, t.Code, t.Name, t.Kind, t.LevelLabel, t.ParentId, t.Status);
}
