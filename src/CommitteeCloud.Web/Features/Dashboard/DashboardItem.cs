using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Web.Features.Dashboard;

public enum DashboardItemKind
{
    /// <summary>Nhiệm vụ the unit holds (received or its own).</summary>
    Task,
    /// <summary>Báo cáo a unit above asked of it.</summary>
    Report,
    /// <summary>Đăng ký giao ước thi đua a unit above opened for it.</summary>
    Commitment,
}

public enum DashboardOutcome
{
    /// <summary>Chưa xong: timeliness is decided at read time from <see cref="DashboardItem.DueOn"/>.</summary>
    Open,
    DoneOnTime,
    DoneLate,
}

/// <summary>
/// Bảng điều hành, one counter of a unit: how many of its items of one kind are due on one day with one outcome.
/// Dates, not statuses, are stored, so a task goes overdue at midnight without anything being rewritten; and the
/// dashboard of a province sums a few rows per unit instead of scanning two hundred thousand tasks. Written by
/// <see cref="DashboardProjector"/> from the tenant that holds the source rows (<see cref="SourceTenantId"/>: the unit
/// for its tasks, the unit above for the reports and registrations it asked for), read through the subtree.
/// </summary>
public sealed class DashboardItem : ISubtreeReadModel
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public string Path { get; set; } = "";
    public Guid SourceTenantId { get; set; }
    public DashboardItemKind Kind { get; set; }
    public DateOnly? DueOn { get; set; }
    public DashboardOutcome Outcome { get; set; }
    public int Count { get; set; }

    /// <summary>Of <see cref="Count"/>, how many reached every target (registrations only).</summary>
    public int Met { get; set; }
}
