using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Memberships;

/// <summary>A named bundle of permissions inside one tenant (vai trò).</summary>
public sealed class TenantRole : Entity, ITenantOwned, IVersioned
{
    public const int NameMaxLength = 64;
    public const int DisplayNameMaxLength = 128;

    private TenantRole() { }

    public TenantRole(string name, string displayName, IEnumerable<string> permissions)
    {
        Name = name;
        DisplayName = displayName;
        SetPermissions(permissions);
    }

    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public List<string> Permissions { get; private set; } = [];
    public uint Version { get; private set; }

    public void SetPermissions(IEnumerable<string> permissions)
    {
        var list = permissions.Distinct().Order(StringComparer.Ordinal).ToList();
        var unknown = list.FirstOrDefault(p => !Memberships.Permissions.IsKnown(p));
        if (unknown is not null)
            throw new DomainRuleException("permissions", $"Quyền không tồn tại: {unknown}");
        Permissions = list;
    }

    public void Rename(string displayName) => DisplayName = displayName.Trim();
}
