using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Memberships;

/// <summary>
/// A person's membership of one tenant, with the roles they hold there. One person may be a member of several
/// tenants (a commune secretary also sits on the province committee).
/// </summary>
public sealed class Membership : Entity, ITenantOwned
{
    public const int PositionMaxLength = 256;

    private Membership() { }

    public Membership(Guid userId, string? position, IEnumerable<TenantRole> roles, DateTimeOffset now)
    {
        UserId = userId;
        Position = position?.Trim();
        JoinedAt = now;
        foreach (var role in roles) RoleIds.Add(role.Id);
        if (RoleIds.Count == 0)
            throw new DomainRuleException("roles", "Thành viên phải có ít nhất một vai trò.");
        Raise(new MemberAdded(Id, userId, [.. roles.Select(r => r.DisplayName)]));
    }

    public Guid TenantId { get; private set; }
    public Guid UserId { get; private set; }

    /// <summary>Chức vụ (e.g. "Phó Bí thư thường trực").</summary>
    public string? Position { get; private set; }

    public List<Guid> RoleIds { get; private set; } = [];
    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>Replaces the roles held here; returns false when they are already exactly these.</summary>
    public bool ChangeRoles(IEnumerable<TenantRole> roles)
    {
        var ids = roles.Select(r => r.Id).Distinct().ToList();
        if (ids.Count == 0)
            throw new DomainRuleException("roles", "Thành viên phải có ít nhất một vai trò.");
        if (ids.Count == RoleIds.Count && ids.All(RoleIds.Contains)) return false;
        // A new list rather than an edit in place, so that change tracking and the audit trail see before and after.
        RoleIds = ids;
        return true;
    }

    /// <summary>Sets the position (chức vụ); blank means none. Returns false when it is unchanged.</summary>
    public bool ChangePosition(string? position)
    {
        var normalized = string.IsNullOrWhiteSpace(position) ? null : position.Trim();
        if (normalized == (string.IsNullOrWhiteSpace(Position) ? null : Position)) return false;
        Position = normalized;
        return true;
    }

    /// <summary>Leaving the tenant: whatever depended on this membership (a leader assignment) is told.</summary>
    public void Remove() => Raise(new MemberRemoved(Id, UserId));
}

/// <summary>A person left a tenant (their membership was removed).</summary>
public sealed record MemberRemoved(Guid MembershipId, Guid UserId) : IDomainEvent;

/// <summary>A person became a member of a tenant: they are told so live and in their inbox.</summary>
public sealed record MemberAdded(Guid MembershipId, Guid UserId, string[] RoleNames) : IDomainEvent;
