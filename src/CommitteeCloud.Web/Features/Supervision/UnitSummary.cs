using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.LeaderAssignments;
using CommitteeCloud.Domain.Tenants;

namespace CommitteeCloud.Web.Features.Supervision;

/// <summary>
/// What an ancestor may know of a unit below it (tóm tắt đơn vị): identity, member count, the written leader
/// assignment and the last dialogue with staff. Built from the unit's own events, never by reading its tables from above; PostgreSQL lets a session
/// read the summaries of its own subtree only.
/// </summary>
public sealed class UnitSummary : ISubtreeReadModel
{
    public Guid TenantId { get; set; }
    public Guid? ParentId { get; set; }
    public string Path { get; set; } = "";
    public int Depth { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public TenantKind Kind { get; set; }
    public string LevelLabel { get; set; } = "";
    public TenantStatus Status { get; set; }
    public int MemberCount { get; set; }
    public Guid? LeaderAssignmentId { get; set; }
    public string? LeaderName { get; set; }
    public string? LeaderPosition { get; set; }
    public string? LeaderDecisionNumber { get; set; }
    public DateOnly? LeaderEffectiveFrom { get; set; }
    public DateOnly? LeaderEffectiveTo { get; set; }
    public LeaderAssignmentStatus? LeaderStatus { get; set; }

    /// <summary>The day the unit's head last held a dialogue with staff (đối thoại với CBCCVC); flagged when not this year.</summary>
    public DateOnly? LastStaffDialogueOn { get; set; }

    /// <summary>Kết quả đánh giá, xếp loại: the latest finalized review cycle of the unit above that ranked this unit.</summary>
    public string? ReviewTitle { get; set; }
    public int? ReviewYear { get; set; }
    public decimal? ReviewTotal { get; set; }
    public string? ReviewBand { get; set; }
    public int? ReviewRank { get; set; }
    public int? ReviewRankedUnits { get; set; }

    /// <summary>
    /// Moves whenever the unit's dashboard counters are recounted (in the same transaction): a dashboard keeps the
    /// sums of a unit's counters under this number and reads them again only when it moved.
    /// </summary>
    public long CountersVersion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether a written assignment is in force on <paramref name="today"/> (dates are compared at read time).</summary>
    public bool HasLeaderInForce(DateOnly today) =>
        LeaderStatus == LeaderAssignmentStatus.Current && LeaderEffectiveFrom <= today && (LeaderEffectiveTo is null || LeaderEffectiveTo >= today);
}
