using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Tasks;

/// <summary>Nguồn của nhiệm vụ.</summary>
public enum TaskOrigin
{
    /// <summary>Từ văn bản chỉ đạo.</summary>
    Directive,
    /// <summary>Từ kế hoạch năm.</summary>
    Plan,
    /// <summary>Từ đối thoại.</summary>
    Dialogue,
    /// <summary>Phát sinh (giao trực tiếp).</summary>
    AdHoc,
}

/// <summary>Mức độ ưu tiên.</summary>
public enum TaskPriority
{
    Normal,
    High,
    Urgent,
}

/// <summary>Loại thời hạn.</summary>
public enum DeadlineKind
{
    None,
    OnDate,
    Recurring,
    Standing,
}

/// <summary>The part a unit plays in a task handed to it.</summary>
public enum HandoffRole
{
    /// <summary>Chủ trì.</summary>
    Lead,
    /// <summary>Phối hợp.</summary>
    Coordinating,
}

/// <summary>What an officer fills in for a task, own or handed down.</summary>
public sealed record TaskDetails(
    string Title, string? Content, string? LeadUnitName, IReadOnlyList<string> CoordinatingUnitNames,
    Guid? LeaderMembershipId, string? LeaderName, Guid? OfficerMembershipId, string? OfficerName,
    DeadlineKind DeadlineKind, DateOnly? DueDate, Recurrence? Recurrence, DateOnly? RecurFrom, DateOnly? RecurUntil,
    IReadOnlyList<DateOnly> ReviewDates, TaskPriority Priority, IReadOnlyList<Guid> AttachmentFileIds);

/// <summary>
/// Nhiệm vụ, as one unit holds it. A unit's own task (from its directive, plan, a dialogue, or ad hoc) may be handed
/// to child units: each then holds its own row, linked to this one by <see cref="ParentTaskId"/>, and works on it
/// through the lifecycle; their status flows back as events and rolls up here. Nothing here ever reads another
/// tenant's rows.
/// </summary>
public sealed class WorkTask : Entity, ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 512;
    public const int TextMaxLength = 20_000;
    public const int NameMaxLength = 256;

    private WorkTask() { }

    /// <summary>A task of this unit's own: a draft point of a directive, or one in force at once.</summary>
    public WorkTask(TaskDetails details, TaskOrigin origin, Guid? directiveId, int? pointNumber, bool draft, DateTimeOffset now)
    {
        Origin = origin;
        DirectiveId = directiveId;
        PointNumber = pointNumber;
        RootTaskId = Id;
        State = draft ? TaskState.Draft : TaskState.InProgress;
        CreatedAt = now;
        Apply(details);
        Touch(now);
    }

    /// <summary>The recipient's row of a task handed down to it (created in the recipient's tenant).</summary>
    /// <param name="attachmentFileIds">The recipient's own records of the parent's attachments (same content, its tenant).</param>
    public static WorkTask Received(Guid id, WorkTask parent, string parentTenantName, Guid handoffId, HandoffRole role, Guid? directiveId, DateTimeOffset now,
        IReadOnlyList<Guid>? attachmentFileIds = null)
    {
        var task = new WorkTask
        {
            AttachmentFileIds = [.. attachmentFileIds ?? []],
            Id = id,
            Origin = parent.Origin,
            DirectiveId = directiveId,
            PointNumber = parent.PointNumber,
            Title = parent.Title,
            Content = parent.Content,
            LeadUnitName = parent.LeadUnitName,
            CoordinatingUnitNames = [.. parent.CoordinatingUnitNames],
            DeadlineKind = parent.DeadlineKind,
            DueDate = parent.DueDate,
            Recurrence = parent.Recurrence,
            RecurFrom = parent.RecurFrom,
            RecurUntil = parent.RecurUntil,
            ReviewDates = [.. parent.ReviewDates],
            Priority = parent.Priority,
            State = TaskState.Assigned,
            ParentTenantId = parent.TenantId,
            ParentTaskId = parent.Id,
            ParentHandoffId = handoffId,
            ParentTenantName = parentTenantName,
            RoleInParent = role,
            RootTaskId = parent.RootTaskId,
            Level = parent.Level + 1,
            CreatedAt = now,
        };
        task.Touch(now);
        return task;
    }

    public Guid TenantId { get; private set; }
    public TaskOrigin Origin { get; private set; }
    public Guid? DirectiveId { get; private set; }

    /// <summary>The point's number in its directive ("điểm 6").</summary>
    public int? PointNumber { get; private set; }
    public string Title { get; private set; } = "";
    public string? Content { get; private set; }

    /// <summary>Đơn vị chủ trì as written (a unit of this tenant, or one of the recipients).</summary>
    public string? LeadUnitName { get; private set; }

    /// <summary>Đơn vị phối hợp as written.</summary>
    public List<string> CoordinatingUnitNames { get; private set; } = [];

    /// <summary>Lãnh đạo phụ trách: a member of this unit.</summary>
    public Guid? LeaderMembershipId { get; private set; }
    public string? LeaderName { get; private set; }

    /// <summary>Cán bộ theo dõi: the officer who follows the task day to day.</summary>
    public Guid? OfficerMembershipId { get; private set; }
    public string? OfficerName { get; private set; }

    public DeadlineKind DeadlineKind { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public Recurrence? Recurrence { get; private set; }
    public DateOnly? RecurFrom { get; private set; }
    public DateOnly? RecurUntil { get; private set; }
    public List<DateOnly> ReviewDates { get; private set; } = [];

    /// <summary>
    /// <see cref="EffectiveDeadline"/> as of the last change, stored so that lists, counts and reminders can filter
    /// and sort by it in SQL. It depends on stored fields only, never on today's date.
    /// </summary>
    public DateOnly? CurrentDeadline { get; private set; }

    /// <summary>For a recurring task: the end of the last period reported (báo cáo định kỳ).</summary>
    public DateOnly? ReportedThrough { get; private set; }
    public TaskPriority Priority { get; private set; }
    public TaskState State { get; private set; }

    /// <summary>Before pausing: where the task stood, so that resuming puts it back.</summary>
    public TaskState? StateBeforePause { get; private set; }
    public decimal Percent { get; private set; }
    public bool PercentSetByHand { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public DateTimeOffset? ResultReportedAt { get; private set; }

    /// <summary>The assigner's tenant and row, for a task handed down to this unit.</summary>
    public Guid? ParentTenantId { get; private set; }
    public Guid? ParentTaskId { get; private set; }
    public Guid? ParentHandoffId { get; private set; }
    public string? ParentTenantName { get; private set; }
    public HandoffRole? RoleInParent { get; private set; }

    /// <summary>The task at the top of the cascade (the same id at every level) and how far below it this row is.</summary>
    public Guid RootTaskId { get; private set; }
    public int Level { get; private set; }
    public List<Guid> AttachmentFileIds { get; private set; } = [];

    /// <summary>For a draft point: the child units it will go to as lead and as coordinating units (all recipients if none).</summary>
    public List<Guid> PlannedLeadTenantIds { get; private set; } = [];
    public List<Guid> PlannedCoordinatingTenantIds { get; private set; } = [];

    /// <summary>An ancestor's supervisor asked for an explanation not yet answered.</summary>
    public bool ExplanationPending { get; private set; }
    public Guid? ExplanationRequesterTenantId { get; private set; }
    public Guid? ExplanationRequesterUserId { get; private set; }
    public string? LastExplanation { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsReceived => ParentTaskId is not null;

    public Deadline? Deadline => DeadlineKind switch
    {
        DeadlineKind.OnDate when DueDate is { } d => new Deadline.OnDate(d),
        DeadlineKind.Recurring when Recurrence is { } r && RecurFrom is { } from && RecurUntil is { } until => new Deadline.Recurring(r, from, until),
        DeadlineKind.Standing => new Deadline.Standing(ReviewDates),
        _ => null,
    };

    /// <summary>
    /// The date the task is due now: its date; for a recurring task the end of the first period not yet reported
    /// (none once all are); a standing task has none (its review dates are reminders, not deadlines).
    /// </summary>
    public DateOnly? EffectiveDeadline => Deadline switch
    {
        Deadline.OnDate d => d.Date,
        Deadline.Recurring r => r.NextDue(ReportedThrough),
        _ => null,
    };

    /// <summary>Derived at read time, never stored.</summary>
    public Timeliness TimelinessOn(DateOnly today) => TaskTimeliness.OfTask(State, CurrentDeadline, CompletedOn, today);

    public void Edit(TaskDetails details, DateTimeOffset now)
    {
        if (IsReceived) throw new DomainRuleException("title", "Nhiệm vụ được giao chỉ đơn vị giao mới sửa được.");
        if (TaskLifecycle.IsClosed(State)) throw new DomainRuleException("state", "Nhiệm vụ đã kết thúc, không sửa được.");
        Apply(details);
        Touch(now);
    }

    public void PlanRecipients(IEnumerable<Guid> lead, IEnumerable<Guid> coordinating)
    {
        PlannedLeadTenantIds = [.. lead.Distinct()];
        PlannedCoordinatingTenantIds = [.. coordinating.Distinct().Except(PlannedLeadTenantIds)];
    }

    /// <summary>Đưa vào thực hiện: the directive was issued.</summary>
    public void Activate(DateTimeOffset now)
    {
        if (State != TaskState.Draft) return;
        State = TaskState.InProgress;
        Touch(now);
    }

    /// <summary>Moves the task as <paramref name="side"/> may (see <see cref="TaskLifecycle"/>).</summary>
    public void Move(TaskState to, TaskSide side, DateTimeOffset now, DateOnly today)
    {
        if (to == TaskState.Paused && State != TaskState.Paused) StateBeforePause = State;
        var resuming = State == TaskState.Paused && side == TaskSide.Assigner && to != TaskState.Cancelled;
        if (!resuming && !TaskLifecycle.CanMove(State, to, side))
            throw new DomainRuleException("state", $"Không thể chuyển nhiệm vụ từ \"{TaskStateNames.Of(State)}\" sang \"{TaskStateNames.Of(to)}\".");
        State = resuming ? StateBeforePause ?? TaskState.InProgress : to;
        if (resuming) StateBeforePause = null;
        if (State == TaskState.ResultReported) ResultReportedAt = now;
        if (State == TaskState.Accepted)
        {
            CompletedOn = ResultReportedAt is { } reported ? DateOnly.FromDateTime(reported.ToOffset(TimeSpan.FromHours(7)).DateTime) : today;
            Percent = 100;
        }
        if (State == TaskState.Returned) ResultReportedAt = null;
        Touch(now);
    }

    /// <summary>Tiến độ: text lives in the thread; here the percent and, for a recurring task, the period reported.</summary>
    public void RecordProgress(decimal? percent, DateOnly? periodEnd, DateTimeOffset now)
    {
        if (TaskLifecycle.IsClosed(State) || State is TaskState.Draft or TaskState.Paused)
            throw new DomainRuleException("state", "Nhiệm vụ không ở trạng thái cập nhật tiến độ được.");
        if (percent is { } p)
        {
            Percent = Math.Clamp(p, 0, 100);
            PercentSetByHand = true;
        }
        if (periodEnd is { } end && (ReportedThrough is null || end > ReportedThrough)) ReportedThrough = end;
        if (IsReceived && State is TaskState.Assigned or TaskState.Acknowledged or TaskState.Returned) State = TaskState.InProgress;
        Touch(now);
    }

    /// <summary>The periods of a recurring task its units below have all reported, through <paramref name="periodEnd"/>.</summary>
    public void RecordReportedThrough(DateOnly periodEnd, DateTimeOffset now)
    {
        if (ReportedThrough is { } through && through >= periodEnd) return;
        ReportedThrough = periodEnd;
        Touch(now);
    }

    /// <summary>An own task worked on inside the unit, closed by the unit itself.</summary>
    public void Complete(DateOnly today, DateTimeOffset now)
    {
        if (IsReceived) throw new DomainRuleException("state", "Nhiệm vụ được giao phải báo cáo kết quả để đơn vị giao nghiệm thu.");
        if (State is not (TaskState.InProgress or TaskState.Assigned or TaskState.Acknowledged))
            throw new DomainRuleException("state", "Nhiệm vụ không ở trạng thái hoàn thành được.");
        State = TaskState.Accepted;
        CompletedOn = today;
        Percent = 100;
        Touch(now);
    }

    /// <summary>
    /// Tổng hợp from the units it was handed to. An own task is done when they all are; a received one still reports
    /// its result to its assigner, so only its percent follows.
    /// </summary>
    public void ApplyRollUp(RolledUpProgress progress, DateOnly? lastCompletedOn, DateTimeOffset now)
    {
        var changed = Percent != progress.Percent;
        Percent = progress.Percent;
        if (!IsReceived && progress.Done && State == TaskState.InProgress)
        {
            State = TaskState.Accepted;
            CompletedOn = lastCompletedOn;
            changed = true;
        }
        else if (!IsReceived && !progress.Done && State == TaskState.Accepted && CompletedOn is not null && lastCompletedOn is null)
        {
            // A unit's result was returned after the task had closed: it is open again.
            State = TaskState.InProgress;
            CompletedOn = null;
            changed = true;
        }
        if (changed) Touch(now);
    }

    public void SetPercentByHand(decimal? percent, DateTimeOffset now)
    {
        PercentSetByHand = percent is not null;
        if (percent is { } p) Percent = Math.Clamp(p, 0, 100);
        Touch(now);
    }

    public void RequestExplanation(Guid requesterTenantId, Guid requesterUserId, DateTimeOffset now)
    {
        ExplanationPending = true;
        ExplanationRequesterTenantId = requesterTenantId;
        ExplanationRequesterUserId = requesterUserId;
        Touch(now);
    }

    /// <summary>Giải trình: the answer goes back to whoever asked, in their own tenant.</summary>
    public void AnswerExplanation(string text, string unitName, string authorName, DateTimeOffset now)
    {
        if (!ExplanationPending || ExplanationRequesterTenantId is not { } requesterTenant || ExplanationRequesterUserId is not { } requester)
            throw new DomainRuleException("text", "Không có yêu cầu giải trình nào đang chờ.");
        ExplanationPending = false;
        LastExplanation = text.Length > 2000 ? text[..2000] : text;
        Raise(new ExplanationAnswered(requesterTenant, Id, requester, unitName, Title, authorName, LastExplanation));
        Touch(now);
    }

    /// <summary>
    /// Tells the assigner's tenant where this received task stands, with the thread entry that moved it (if any).
    /// Delivered as an event routed to the parent tenant: this unit never writes the parent's rows itself.
    /// </summary>
    public void ReportToAssigner(ReportedUpdate? update)
    {
        if (ParentTenantId is not { } parentTenant || ParentTaskId is not { } parentTask) return;
        Raise(new TaskStatusReported(parentTenant, parentTask, ParentHandoffId ?? Guid.Empty, TenantId, Id, State, Percent,
            CompletedOn, ResultReportedAt, ReportedThrough, update));
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        CurrentDeadline = EffectiveDeadline;
        if (!DomainEvents.OfType<TaskChanged>().Any()) Raise(new TaskChanged(Id));
    }

    private void Apply(TaskDetails d)
    {
        if (d.DeadlineKind == DeadlineKind.OnDate && d.DueDate is null)
            throw new DomainRuleException("dueDate", "Hãy nhập hạn hoàn thành.");
        if (d.DeadlineKind == DeadlineKind.Recurring && (d.Recurrence is null || d.RecurFrom is null || d.RecurUntil is null))
            throw new DomainRuleException("recurrence", "Nhiệm vụ định kỳ cần chu kỳ, ngày bắt đầu và ngày kết thúc.");
        if (d.DeadlineKind == DeadlineKind.Recurring && d.RecurUntil < d.RecurFrom)
            throw new DomainRuleException("recurUntil", "Ngày kết thúc phải sau ngày bắt đầu.");
        Title = d.Title.Trim();
        Content = string.IsNullOrWhiteSpace(d.Content) ? null : d.Content.Trim();
        LeadUnitName = string.IsNullOrWhiteSpace(d.LeadUnitName) ? null : d.LeadUnitName.Trim();
        CoordinatingUnitNames = [.. d.CoordinatingUnitNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim())];
        LeaderMembershipId = d.LeaderMembershipId;
        LeaderName = d.LeaderName;
        OfficerMembershipId = d.OfficerMembershipId;
        OfficerName = d.OfficerName;
        DeadlineKind = d.DeadlineKind;
        DueDate = d.DeadlineKind == DeadlineKind.OnDate ? d.DueDate : null;
        Recurrence = d.DeadlineKind == DeadlineKind.Recurring ? d.Recurrence : null;
        RecurFrom = d.DeadlineKind == DeadlineKind.Recurring ? d.RecurFrom : null;
        RecurUntil = d.DeadlineKind == DeadlineKind.Recurring ? d.RecurUntil : null;
        ReviewDates = d.DeadlineKind == DeadlineKind.Standing ? [.. d.ReviewDates.Distinct().Order()] : [];
        Priority = d.Priority;
        AttachmentFileIds = [.. d.AttachmentFileIds.Distinct()];
    }
}

/// <summary>Vietnamese names of the states, as the UI and messages show them.</summary>
public static class TaskStateNames
{
    public static string Of(TaskState state) => state switch
    {
        TaskState.Draft => "Dự thảo",
        TaskState.Assigned => "Đã giao",
        TaskState.Acknowledged => "Đã tiếp nhận",
        TaskState.InProgress => "Đang thực hiện",
        TaskState.ResultReported => "Đã báo cáo kết quả",
        TaskState.Accepted => "Hoàn thành",
        TaskState.Returned => "Trả lại",
        TaskState.Paused => "Tạm dừng",
        TaskState.Rejected => "Từ chối",
        _ => "Đã hủy",
    };
}
