using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Web.Features.Tasks.Reminders;

/// <summary>
/// Nhắc hạn đã gửi: one reminder threshold (7, 3, 1 days before, or overdue) for one deadline of one task. Unique, so
/// that a job run twice, on two nodes or after a restart sends each reminder at most once.
/// </summary>
public sealed class TaskReminder : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid TaskId { get; set; }

    /// <summary>Days before the deadline (7, 3, 1), or -1 for overdue.</summary>
    public int Threshold { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
