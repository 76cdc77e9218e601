namespace CommitteeCloud.Domain.Tasks;

/// <summary>Trạng thái nhiệm vụ.</summary>
public enum TaskState
{
    /// <summary>Dự thảo: a point of a directive not yet issued; nobody works on it.</summary>
    Draft,
    /// <summary>Đã giao: handed to the unit, not yet acknowledged.</summary>
    Assigned,
    /// <summary>Đã tiếp nhận.</summary>
    Acknowledged,
    /// <summary>Đang thực hiện.</summary>
    InProgress,
    /// <summary>Đã báo cáo kết quả: waiting for the assigner.</summary>
    ResultReported,
    /// <summary>Đã nghiệm thu: done.</summary>
    Accepted,
    /// <summary>Trả lại, yêu cầu bổ sung: the unit works on it again.</summary>
    Returned,
    /// <summary>Tạm dừng (by the assigner).</summary>
    Paused,
    /// <summary>Từ chối tiếp nhận (by the receiver, with a reason).</summary>
    Rejected,
    /// <summary>Hủy (by the assigner).</summary>
    Cancelled,
}

/// <summary>Who moves a task: the unit that received it or the unit that assigned it.</summary>
public enum TaskSide
{
    Receiver,
    Assigner,
}

/// <summary>
/// The lifecycle: assigned → acknowledged → in progress → result reported → accepted, or returned for more work;
/// the receiver may reject with a reason before starting; the assigner may pause, resume or cancel while the task is
/// open. Accepted, rejected and cancelled tasks are closed.
/// </summary>
public static class TaskLifecycle
{
    private static readonly Dictionary<(TaskState From, TaskState To), TaskSide> Moves = new()
    {
        [(TaskState.Assigned, TaskState.Acknowledged)] = TaskSide.Receiver,
        [(TaskState.Assigned, TaskState.Rejected)] = TaskSide.Receiver,
        [(TaskState.Acknowledged, TaskState.Rejected)] = TaskSide.Receiver,
        [(TaskState.Acknowledged, TaskState.InProgress)] = TaskSide.Receiver,
        [(TaskState.Returned, TaskState.InProgress)] = TaskSide.Receiver,
        [(TaskState.InProgress, TaskState.ResultReported)] = TaskSide.Receiver,
        [(TaskState.Returned, TaskState.ResultReported)] = TaskSide.Receiver,
        [(TaskState.ResultReported, TaskState.Accepted)] = TaskSide.Assigner,
        [(TaskState.ResultReported, TaskState.Returned)] = TaskSide.Assigner,
    };

    public static bool IsClosed(TaskState state) => state is TaskState.Accepted or TaskState.Rejected or TaskState.Cancelled;

    /// <summary>Whether <paramref name="side"/> may move a task from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(TaskState from, TaskState to, TaskSide side)
    {
        if (from == to || IsClosed(from) || from == TaskState.Draft || to == TaskState.Draft) return false;
        if (side == TaskSide.Assigner)
        {
            if (to == TaskState.Cancelled) return true;
            if (to == TaskState.Paused) return true;
        }
        if (from == TaskState.Paused)
        {
            // Resuming returns the task to where work stands; the assigner decides.
            return side == TaskSide.Assigner && to is TaskState.Assigned or TaskState.InProgress;
        }
        return Moves.TryGetValue((from, to), out var allowed) && allowed == side;
    }

    /// <summary>The states a side may move a task to from <paramref name="from"/> (what the UI offers).</summary>
    public static IEnumerable<TaskState> NextStates(TaskState from, TaskSide side) =>
        Enum.GetValues<TaskState>().Where(to => CanMove(from, to, side));
}
