using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Tasks;

/// <summary>A task row changed: its unit's cascade node is refreshed and the units above are told live.</summary>
public sealed record TaskChanged(Guid TaskId) : IDomainEvent;

/// <summary>A file as reported up: enough to record it in the assigner's tenant against the same stored content.</summary>
public sealed record ReportedFile(string Sha256, long Size, string ContentType, string FileName);

/// <summary>A thread entry sent up with a report.</summary>
public sealed record ReportedUpdate(
    Guid SourceId, TaskUpdateKind Kind, string? Text, decimal? Percent, string? PeriodLabel, IReadOnlyList<ReportedFile> Files,
    string AuthorName, DateTimeOffset At);

/// <summary>
/// Báo cáo lên: a received task's state, sent to the assigner's tenant (where it is handled), with the entry that
/// moved it.
/// </summary>
public sealed record TaskStatusReported(
    Guid TargetTenantId, Guid ParentTaskId, Guid HandoffId, Guid ChildTenantId, Guid ChildTaskId, TaskState State,
    decimal Percent, DateOnly? CompletedOn, DateTimeOffset? ResultReportedAt, DateOnly? ReportedThrough, ReportedUpdate? Update)
    : IRoutedEvent;

/// <summary>Yêu cầu giải trình: a supervisor above asks a unit about a late task; handled in the unit's tenant.</summary>
public sealed record ExplanationRequested(
    Guid TargetTenantId, Guid TaskId, Guid RequestId, Guid RequesterTenantId, string RequesterTenantName, Guid RequesterUserId,
    string RequesterName, string Text) : IRoutedEvent;

/// <summary>The unit's answer, handled in the requester's tenant.</summary>
public sealed record ExplanationAnswered(
    Guid TargetTenantId, Guid TaskId, Guid RequesterUserId, string UnitName, string TaskTitle, string AuthorName, string Text) : IRoutedEvent;
