using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Tasks;

/// <summary>
/// Giao nhiệm vụ: the assigner's record of one task handed to one child unit, kept in the assigner's tenant. It
/// mirrors where the child stands (from the child's events, never by reading its rows) and carries the weight the
/// child's progress has in the roll-up.
/// </summary>
public sealed class TaskHandoff : Entity, ITenantOwned, IVersioned
{
    private TaskHandoff() { }

    public TaskHandoff(WorkTask task, Guid recipientTenantId, string recipientCode, string recipientName, HandoffRole role, DateTimeOffset now)
    {
        TaskId = task.Id;
        RecipientTenantId = recipientTenantId;
        RecipientCode = recipientCode;
        RecipientName = recipientName;
        RecipientTaskId = Guid.CreateVersion7();
        Role = role;
        Weight = 1;
        State = TaskState.Assigned;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid TaskId { get; private set; }
    public Guid RecipientTenantId { get; private set; }
    public string RecipientCode { get; private set; } = "";
    public string RecipientName { get; private set; } = "";

    /// <summary>The id of the recipient's own row (in the recipient's tenant).</summary>
    public Guid RecipientTaskId { get; private set; }
    public HandoffRole Role { get; private set; }

    /// <summary>Trọng số in the roll-up (1 unless the assigner says otherwise).</summary>
    public decimal Weight { get; private set; }
    public TaskState State { get; private set; }
    public decimal Percent { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public DateTimeOffset? ResultReportedAt { get; private set; }
    public DateOnly? ReportedThrough { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>Rejected and cancelled hand-offs no longer count in the roll-up.</summary>
    public bool CountsInRollUp => State is not (TaskState.Rejected or TaskState.Cancelled);

    public ChildProgress Progress => new(Weight, Percent, State == TaskState.Accepted);

    /// <summary>Takes the child's report, unless it is older than what is already known.</summary>
    public void Apply(TaskStatusReported report, DateTimeOffset occurredAt)
    {
        if (occurredAt < UpdatedAt && State != TaskState.Assigned) return;
        State = report.State;
        Percent = report.Percent;
        CompletedOn = report.CompletedOn;
        ResultReportedAt = report.ResultReportedAt;
        ReportedThrough = report.ReportedThrough;
        UpdatedAt = occurredAt;
    }

    /// <summary>The assigner's own decision, applied here at once and sent down to the child in the same transaction.</summary>
    public void Decide(TaskState state, DateOnly? completedOn, DateTimeOffset now)
    {
        State = state;
        if (state == TaskState.Accepted)
        {
            CompletedOn = completedOn;
            Percent = 100;
        }
        if (state == TaskState.Returned) CompletedOn = null;
        UpdatedAt = now;
    }

    public void SetWeight(decimal weight, DateTimeOffset now)
    {
        if (weight <= 0 || weight > 100) throw new DomainRuleException("weight", "Trọng số phải lớn hơn 0 và không quá 100.");
        Weight = weight;
        UpdatedAt = now;
    }
}
