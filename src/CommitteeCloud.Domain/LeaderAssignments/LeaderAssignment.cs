using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.LeaderAssignments;

/// <summary>
/// Phân công lãnh đạo phụ trách công tác dân vận: the written decision (Quyết định 290-QĐ/TW, since 2021
/// 23-QĐ/TW) naming the leader in charge of mass-mobilization work for a scope. History is kept: a new assignment for
/// the same scope supersedes the one in force; an assignment lapses when its end date passes or its leader leaves.
/// </summary>
public sealed class LeaderAssignment : Entity, ITenantOwned, IVersioned
{
    public const int DecisionNumberMaxLength = 64;
    public const int TextMaxLength = 256;
    public const int ScopeMaxLength = 512;

    private LeaderAssignment() { }

    public LeaderAssignment(
        string decisionNumber, DateOnly decisionDate, string signer, string signerCapacity,
        Guid leaderMembershipId, Guid leaderUserId, string leaderName, string position,
        string scope, IEnumerable<Guid> scopeUnitIds, DateOnly effectiveFrom, DateOnly? effectiveTo, string? attachmentName)
    {
        if (effectiveTo is { } to && to < effectiveFrom)
            throw new DomainRuleException("effectiveTo", "Ngày hết hiệu lực phải sau ngày có hiệu lực.");
        if (decisionDate > effectiveFrom.AddYears(1))
            throw new DomainRuleException("decisionDate", "Ngày quyết định không hợp lý so với ngày có hiệu lực.");
        DecisionNumber = decisionNumber.Trim();
        DecisionDate = decisionDate;
        Signer = signer.Trim();
        SignerCapacity = signerCapacity.Trim();
        LeaderMembershipId = leaderMembershipId;
        LeaderUserId = leaderUserId;
        LeaderName = leaderName;
        Position = position.Trim();
        Scope = scope.Trim();
        ScopeKey = KeyOf(scope);
        ScopeUnitIds = [.. scopeUnitIds.Distinct()];
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        AttachmentName = string.IsNullOrWhiteSpace(attachmentName) ? null : attachmentName.Trim();
        Status = LeaderAssignmentStatus.Current;
        Raise(new LeaderAssignmentChanged(Id));
    }

    public Guid TenantId { get; private set; }

    /// <summary>Số, ký hiệu: "125-QĐ/ĐU".</summary>
    public string DecisionNumber { get; private set; } = "";
    public DateOnly DecisionDate { get; private set; }

    /// <summary>Người ký and thẩm quyền ký ("T/M Ban Thường vụ, Bí thư").</summary>
    public string Signer { get; private set; } = "";
    public string SignerCapacity { get; private set; } = "";

    public Guid LeaderMembershipId { get; private set; }
    public Guid LeaderUserId { get; private set; }

    /// <summary>The leader's name as written in the decision (kept if the account is renamed).</summary>
    public string LeaderName { get; private set; } = "";

    /// <summary>Chức vụ of the leader ("Phó Bí thư Đảng ủy", "Chủ tịch UBND").</summary>
    public string Position { get; private set; } = "";

    /// <summary>Phạm vi phụ trách: "Toàn diện", "Dân vận chính quyền", a field, a set of units.</summary>
    public string Scope { get; private set; } = "";

    /// <summary>The scope compared without case, spacing or diacritics: same key, same scope.</summary>
    public string ScopeKey { get; private set; } = "";

    public List<Guid> ScopeUnitIds { get; private set; } = [];
    public DateOnly EffectiveFrom { get; private set; }
    public DateOnly? EffectiveTo { get; private set; }
    public string? AttachmentName { get; private set; }
    public LeaderAssignmentStatus Status { get; private set; }
    public Guid? SupersededById { get; private set; }
    public string? LapseReason { get; private set; }
    public uint Version { get; private set; }

    public bool IsInForce(DateOnly today) =>
        Status == LeaderAssignmentStatus.Current && EffectiveFrom <= today && (EffectiveTo is null || EffectiveTo >= today);

    /// <summary>
    /// The new assignment takes over from <paramref name="next"/>'s first day. One that starts on or before this one
    /// started would rewrite history: it is refused as overlapping.
    /// </summary>
    public void SupersedeBy(LeaderAssignment next)
    {
        if (next.EffectiveFrom <= EffectiveFrom)
            throw new DomainRuleException("effectiveFrom",
                $"Trùng thời gian với quyết định {DecisionNumber} (hiệu lực từ {EffectiveFrom:dd/MM/yyyy}): quyết định mới phải có hiệu lực sau ngày đó.");
        var dayBefore = next.EffectiveFrom.AddDays(-1);
        if (EffectiveTo is null || EffectiveTo > dayBefore) EffectiveTo = dayBefore;
        Status = LeaderAssignmentStatus.Superseded;
        SupersededById = next.Id;
        Raise(new LeaderAssignmentChanged(Id));
    }

    /// <summary>No longer in force though nobody replaced it: the unit is flagged and its secretary told.</summary>
    public void Lapse(string reason)
    {
        if (Status != LeaderAssignmentStatus.Current) return;
        Status = LeaderAssignmentStatus.Lapsed;
        LapseReason = reason;
        Raise(new LeaderAssignmentLapsed(Id, reason));
    }

    public static string KeyOf(string scope)
    {
        var normalized = scope.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var chars = normalized.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => c == 'đ' ? 'd' : c);
        return string.Join(' ', new string([.. chars]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

public enum LeaderAssignmentStatus
{
    /// <summary>Đang hiệu lực (or due to start).</summary>
    Current,
    /// <summary>Replaced by a newer decision for the same scope.</summary>
    Superseded,
    /// <summary>Hết hiệu lực: end date passed or the leader left, and nobody was assigned.</summary>
    Lapsed,
}

/// <summary>An assignment was recorded or superseded.</summary>
public sealed record LeaderAssignmentChanged(Guid AssignmentId) : IDomainEvent;

/// <summary>An assignment lapsed with nobody to replace it.</summary>
public sealed record LeaderAssignmentLapsed(Guid AssignmentId, string Reason) : IDomainEvent;
