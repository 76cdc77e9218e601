using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.Web.Features.Tasks;

/// <summary>
/// One unit's row of a task cascade, as the units above it may see it (sơ đồ phân cấp nhiệm vụ): which unit, what
/// state, how far, by when. Built from the unit's own <see cref="TaskChanged"/> events; PostgreSQL lets a session read
/// the nodes of its own subtree only, so a unit sees its own row and those below, never its parent's or siblings'.
/// </summary>
public sealed class TaskNode : ISubtreeReadModel
{
    public Guid TaskId { get; set; }
    public Guid TenantId { get; set; }
    public string Path { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public string UnitName { get; set; } = "";
    public Guid? ParentTaskId { get; set; }
    public Guid RootTaskId { get; set; }
    public int Level { get; set; }
    public string Title { get; set; } = "";
    public TaskState State { get; set; }
    public decimal Percent { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public bool ExplanationPending { get; set; }
    public string? LastExplanation { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Timeliness TimelinessOn(DateOnly today) => TaskTimeliness.OfTask(State, Deadline, CompletedOn, today);
}
