using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>How many tasks fall in each timeliness category: what every list and summary shows first.</summary>
public sealed record TimelinessCounts(int NoDeadline, int OnTime, int DueSoon, int Overdue, int CompletedOnTime, int CompletedLate)
{
    public int Total => NoDeadline + OnTime + DueSoon + Overdue + CompletedOnTime + CompletedLate;

    public static TimelinessCounts Of(IEnumerable<Timeliness> values)
    {
        var counts = new int[6];
        foreach (var value in values) counts[(int)value]++;
        return new(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }
}

public sealed record TaskListItem(
    Guid Id, string Title, int? PointNumber, TaskOrigin Origin, TaskState State, decimal Percent, TaskPriority Priority,
    DeadlineKind DeadlineKind, DateOnly? Deadline, DateOnly? CompletedOn, Timeliness Timeliness, string? LeaderName, string? OfficerName,
    string? AssignedBy, HandoffRole? Role, int HandoffCount, bool ExplanationPending, DateTimeOffset UpdatedAt);

public sealed record HandoffDto(
    Guid Id, Guid RecipientTenantId, string RecipientCode, string RecipientName, Guid RecipientTaskId, HandoffRole Role, decimal Weight,
    TaskState State, decimal Percent, DateOnly? CompletedOn, DateTimeOffset? ResultReportedAt, Timeliness Timeliness,
    IReadOnlyList<string> Decisions, uint Version);

public sealed record AttachedFileDto(Guid FileId, string FileName, long Size, string ContentType);

public sealed record TaskUpdateDto(
    Guid Id, TaskUpdateKind Kind, string? Text, decimal? Percent, string? PeriodLabel, IReadOnlyList<AttachedFileDto> Files,
    string AuthorName, string UnitName, Guid? HandoffId, DateTimeOffset At);

public sealed record TaskPeriodDto(DateOnly Start, DateOnly End, string Label, bool Reported);

public sealed record TaskDetail(
    Guid Id, string Title, string? Content, int? PointNumber, TaskOrigin Origin, Guid? DirectiveId, string? DirectiveNumber,
    TaskState State, string StateName, decimal Percent, bool PercentSetByHand, TaskPriority Priority,
    string? LeadUnitName, IReadOnlyList<string> CoordinatingUnitNames, Guid? LeaderMembershipId, string? LeaderName,
    Guid? OfficerMembershipId, string? OfficerName, DeadlineKind DeadlineKind, DateOnly? DueDate, Recurrence? Recurrence,
    DateOnly? RecurFrom, DateOnly? RecurUntil, IReadOnlyList<DateOnly> ReviewDates, DateOnly? Deadline, DateOnly? CompletedOn,
    Timeliness Timeliness, IReadOnlyList<TaskPeriodDto> Periods, bool IsReceived, string? AssignedBy, HandoffRole? Role,
    Guid RootTaskId, bool ExplanationPending, string? LastExplanation, IReadOnlyList<Guid> AttachmentFileIds,
    IReadOnlyList<AttachedFileDto> Attachments, IReadOnlyList<HandoffDto> Handoffs, TimelinessCounts HandoffCounts, IReadOnlyList<TaskUpdateDto> Thread,
    IReadOnlyList<string> Actions, uint Version);

/// <summary>The verbs the API and the UI offer, by side.</summary>
public static class TaskActions
{
    public const string Acknowledge = "acknowledge";
    public const string Reject = "reject";
    public const string Progress = "progress";
    public const string ReportResult = "report-result";
    public const string Complete = "complete";
    public const string HandOff = "hand-off";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Cancel = "cancel";
    public const string Explain = "explain";
    public const string Note = "note";
    public const string Edit = "edit";

    public const string Accept = "accept";
    public const string Return = "return";

    /// <summary>What the receiving unit may do with its row now.</summary>
    public static IReadOnlyList<string> For(WorkTask task, bool canReport, bool canManage)
    {
        var actions = new List<string>();
        var s = task.State;
        if (s == TaskState.Draft) return canManage && !task.IsReceived ? [Edit] : [];
        if (task.IsReceived && canReport)
        {
            if (TaskLifecycle.CanMove(s, TaskState.Acknowledged, TaskSide.Receiver)) actions.Add(Acknowledge);
            if (TaskLifecycle.CanMove(s, TaskState.Rejected, TaskSide.Receiver)) actions.Add(Reject);
            if (!TaskLifecycle.IsClosed(s) && s is not (TaskState.Paused or TaskState.ResultReported)) actions.Add(Progress);
            if (TaskLifecycle.CanMove(s, TaskState.ResultReported, TaskSide.Receiver) || s is TaskState.Acknowledged) actions.Add(ReportResult);
        }
        if (!task.IsReceived && canManage)
        {
            if (!TaskLifecycle.IsClosed(s) && s != TaskState.Paused) actions.AddRange([Progress, Complete, Edit]);
            if (s == TaskState.Paused) actions.Add(Resume);
            else if (!TaskLifecycle.IsClosed(s)) actions.Add(Pause);
            if (!TaskLifecycle.IsClosed(s)) actions.Add(Cancel);
        }
        if (canManage && !TaskLifecycle.IsClosed(s) && s != TaskState.Paused) actions.Add(HandOff);
        if (task.ExplanationPending && canReport) actions.Add(Explain);
        if (canReport || canManage) actions.Add(Note);
        return actions;
    }

    /// <summary>What the assigner may decide on one hand-off now.</summary>
    public static IReadOnlyList<string> Decisions(TaskState handoffState)
    {
        var list = new List<string>();
        if (TaskLifecycle.CanMove(handoffState, TaskState.Accepted, TaskSide.Assigner)) list.Add(Accept);
        if (TaskLifecycle.CanMove(handoffState, TaskState.Returned, TaskSide.Assigner)) list.Add(Return);
        if (handoffState == TaskState.Paused) list.Add(Resume);
        else if (TaskLifecycle.CanMove(handoffState, TaskState.Paused, TaskSide.Assigner)) list.Add(Pause);
        if (TaskLifecycle.CanMove(handoffState, TaskState.Cancelled, TaskSide.Assigner)) list.Add(Cancel);
        return list;
    }
}
