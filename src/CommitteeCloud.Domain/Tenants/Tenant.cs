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

    public void Rename(string name)
    {
        Name = name.Trim();
        Raise(new TenantChanged(Id));
    }

    public void Describe(string name, TenantKind kind, string levelLabel)
    {
        Name = name.Trim();
        Kind = kind;
        LevelLabel = levelLabel.Trim();
        Raise(new TenantChanged(Id));
    }

    public void ChangeKind(TenantKind kind)
    {
        Kind = kind;
        Raise(new TenantChanged(Id));
    }

    public void ChangeLevelLabel(string levelLabel)
    {
        LevelLabel = levelLabel.Trim();
        Raise(new TenantChanged(Id));
    }

    public void Suspend()
    {
        Status = TenantStatus.Suspended;
        Raise(new TenantChanged(Id));
    }

    public void Reactivate()
    {
        Status = TenantStatus.Active;
        Raise(new TenantChanged(Id));
    }

    /// <summary>True when <paramref name="other"/> is this tenant or below it.</summary>
    public bool IsSelfOrAncestorOf(Tenant other) => other.Path == Path || other.Path.StartsWith(Path + ".", StringComparison.Ordinal);

    /// <summary>
    /// Moves this tenant (and so its whole subtree) under <paramref name="newParent"/>. Returns the old path so the
    /// descendants' paths can be rewritten in one statement. A tenant never moves under itself or a descendant.
    /// </summary>
    public string MoveUnder(Tenant newParent)
    {
        if (IsSelfOrAncestorOf(newParent))
            throw new DomainRuleException("newParentCode", "Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.");
        if (ParentId is null)
            throw new DomainRuleException("code", "Không thể chuyển đơn vị gốc.");
        var oldPath = Path;
        ParentId = newParent.Id;
        Path = $"{newParent.Path}.{PathLabel}";
        Depth = newParent.Depth + 1;
        Raise(new TenantChanged(Id));
        return oldPath;
    }

    /// <summary>Raised once the new tenant exists (provisioning), so summaries and the parents' live views update.</summary>
    public void MarkProvisioned() => Raise(new TenantProvisioned(Id, ParentId));

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

/// <summary>A tenant was created below <see cref="ParentId"/>.</summary>
public sealed record TenantProvisioned(Guid TenantId, Guid? ParentId) : IDomainEvent;

/// <summary>A tenant was renamed, re-described, suspended, reactivated or moved.</summary>
public sealed record TenantChanged(Guid TenantId) : IDomainEvent;

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
