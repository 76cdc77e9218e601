using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Tenants;

/// <summary>
/// A party organization with its own tenant (Tỉnh ủy, Đảng ủy xã, Đảng đoàn, Chi bộ...).
/// Tenants form a tree of any depth; <see cref="Path"/> is the materialized path of ids from the root,
/// so that "every descendant of X" is one indexed <c>ltree</c> query.
/// </summary>
public sealed class Tenant : Entity, IGlobalEntity, IVersioned
{
    public const int CodeMaxLength = 64;
    public const int NameMaxLength = 256;

    private Tenant() { }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public TenantKind Kind { get; private set; }

    /// <summary>Free text ("Tỉnh", "Xã", "Chi bộ"): levels are never hard-coded.</summary>
    public string LevelLabel { get; private set; } = "";

    public Guid? ParentId { get; private set; }

    /// <summary>ltree of the ids from the root down to this tenant, e.g. <c>a1b2.c3d4</c>.</summary>
    public string Path { get; private set; } = "";

    public int Depth { get; private set; }
    public TenantStatus Status { get; private set; } = TenantStatus.Active;
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Tenant CreateRoot(string code, string name, TenantKind kind, string levelLabel, DateTimeOffset now)
        => Create(code, name, kind, levelLabel, parent: null, now);

    public Tenant CreateChild(string code, string name, TenantKind kind, string levelLabel, DateTimeOffset now)
        => Create(code, name, kind, levelLabel, this, now);

    private static Tenant Create(string code, string name, TenantKind kind, string levelLabel, Tenant? parent, DateTimeOffset now)
    {
        var tenant = new Tenant
        {
            Code = NormalizeCode(code),
            Name = name.Trim(),
            Kind = kind,
            LevelLabel = levelLabel.Trim(),
            ParentId = parent?.Id,
            Depth = parent is null ? 0 : parent.Depth + 1,
            CreatedAt = now,
        };
        tenant.Path = parent is null ? tenant.PathLabel : $"{parent.Path}.{tenant.PathLabel}";
        return tenant;
    }

    /// <summary>The ltree label of this tenant: its id without dashes (ltree labels are alphanumeric).</summary>
    public string PathLabel => Id.ToString("N");

    public bool IsActive => Status == TenantStatus.Active;

    public void Rename(string name) => Name = name.Trim();

    public void ChangeKind(TenantKind kind) => Kind = kind;

    public void ChangeLevelLabel(string levelLabel) => LevelLabel = levelLabel.Trim();

    public void Suspend() => Status = TenantStatus.Suspended;

    public void Reactivate() => Status = TenantStatus.Active;

    /// <summary>Codes are URL slugs: lower-case, trimmed. Two tenants never share one.</summary>
    public static string NormalizeCode(string code) => code.Trim().ToLowerInvariant();

    /// <summary>A valid code: 2–64 characters of a–z, 0–9 and '-', not starting or ending with '-'.</summary>
    public static bool IsValidCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return false;
        var c = NormalizeCode(code);
        if (c.Length is < 2 or > CodeMaxLength || c[0] == '-' || c[^1] == '-') return false;
        foreach (var ch in c)
        {
            if (!(ch is >= 'a' and <= 'z' || ch is >= '0' and <= '9' || ch == '-')) return false;
        }
        return true;
    }
}

/// <summary>Loại tổ chức.</summary>
public enum TenantKind
{
    /// <summary>Cấp ủy đảng (Tỉnh ủy, Đảng ủy xã...).</summary>
    PartyCommittee,
    /// <summary>Đảng đoàn / Ban cán sự đảng của cơ quan nhà nước.</summary>
    PartyGroup,
    /// <summary>Ban Dân vận.</summary>
    MassMobilizationBoard,
    /// <summary>Đảng ủy cơ sở.</summary>
    GrassrootsCommittee,
    /// <summary>Chi bộ.</summary>
    Cell,
    /// <summary>Mặt trận Tổ quốc, đoàn thể chính trị - xã hội.</summary>
    FatherlandFront,
    /// <summary>Cơ quan nhà nước.</summary>
    StateAgency,
}

public enum TenantStatus
{
    Active,
    Suspended,
}
