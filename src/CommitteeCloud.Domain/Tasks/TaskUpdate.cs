using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Tasks;

/// <summary>Loại cập nhật in a task's thread.</summary>
public enum TaskUpdateKind
{
    Created,
    Assigned,
    Acknowledged,
    Progress,
    ResultReported,
    Accepted,
    Returned,
    Rejected,
    Paused,
    Resumed,
    Cancelled,
    Completed,
    Comment,
    /// <summary>Ghi chú nội bộ: stays in this unit, never sent to the units above or below.</summary>
    InternalNote,
    ExplanationRequested,
    Explanation,
    HandedOff,
}

/// <summary>A file attached to a thread entry: its content address, so that a copy in another tenant costs nothing.</summary>
public sealed class AttachedFile
{
    public Guid FileId { get; set; }
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public string ContentType { get; set; } = "";
    public string FileName { get; set; } = "";
}

/// <summary>
/// One entry of a task's thread (diễn biến): who did or said what, when, with which evidence. Entries from a child
/// unit are copied into the assigner's thread from the child's events; <see cref="SourceId"/> makes that copy
/// idempotent.
/// </summary>
public sealed class TaskUpdate : Entity, ITenantOwned
{
    public const int TextMaxLength = 10_000;

    private TaskUpdate() { }

    public TaskUpdate(Guid taskId, Guid? handoffId, TaskUpdateKind kind, string? text, decimal? percent, string? periodLabel,
        IEnumerable<AttachedFile> files, Guid? authorUserId, string authorName, string unitName, DateTimeOffset at, Guid? sourceId = null)
    {
        TaskId = taskId;
        HandoffId = handoffId;
        Kind = kind;
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        Percent = percent;
        PeriodLabel = periodLabel;
        Files = [.. files];
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        UnitName = unitName;
        At = at;
        SourceId = sourceId;
    }

    public Guid TenantId { get; private set; }
    public Guid TaskId { get; private set; }

    /// <summary>The hand-off (child unit) the entry is about, in the assigner's thread.</summary>
    public Guid? HandoffId { get; private set; }
    public TaskUpdateKind Kind { get; private set; }
    public string? Text { get; private set; }
    public decimal? Percent { get; private set; }
    public string? PeriodLabel { get; private set; }
    public List<AttachedFile> Files { get; private set; } = [];
    public Guid? AuthorUserId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public Guid? SourceId { get; private set; }

    public bool IsInternal => Kind == TaskUpdateKind.InternalNote;

    public ReportedUpdate ToReported() => new(Id, Kind, Text, Percent, PeriodLabel,
        [.. Files.Select(f => new ReportedFile(f.Sha256, f.Size, f.ContentType, f.FileName))], AuthorName, At);
}
