namespace CommitteeCloud.Domain.Tasks;

/// <summary>
/// Tiến độ so với thời hạn: derived at read time, never typed by anyone. The categories are those in which the
/// Government Office reports its own task tracking; every list and summary counts tasks by them.
/// </summary>
public enum Timeliness
{
    /// <summary>Không có thời hạn (standing tasks between review dates, or none set).</summary>
    NoDeadline,
    /// <summary>Trong hạn: more than <see cref="TaskTimeliness.DueSoonDays"/> days left.</summary>
    OnTime,
    /// <summary>Sắp đến hạn (orange): 0–3 days left.</summary>
    DueSoon,
    /// <summary>Quá hạn (red): the deadline has passed and the task is not done.</summary>
    Overdue,
    /// <summary>Hoàn thành đúng hạn.</summary>
    CompletedOnTime,
    /// <summary>Hoàn thành quá hạn.</summary>
    CompletedLate,
}

public static class TaskTimeliness
{
    public const int DueSoonDays = 3;

    /// <summary>
    /// The timeliness of a task with <paramref name="deadline"/> (a Vietnamese date, inclusive: a task due 05/01 is on
    /// time all of 05/01), completed on <paramref name="completedOn"/> if it is, seen on <paramref name="today"/>.
    /// </summary>
    public static Timeliness Of(DateOnly? deadline, DateOnly? completedOn, DateOnly today)
    {
        if (completedOn is { } done)
            return deadline is { } due && done > due ? Timeliness.CompletedLate : Timeliness.CompletedOnTime;
        if (deadline is not { } dueDate) return Timeliness.NoDeadline;
        var daysLeft = dueDate.DayNumber - today.DayNumber;
        return daysLeft < 0 ? Timeliness.Overdue
            : daysLeft <= DueSoonDays ? Timeliness.DueSoon
            : Timeliness.OnTime;
    }

    /// <summary>
    /// The timeliness of a task in <paramref name="state"/>: a paused, rejected, cancelled or draft task is measured
    /// against no deadline; an accepted one by the day it was completed.
    /// </summary>
    public static Timeliness OfTask(TaskState state, DateOnly? deadline, DateOnly? completedOn, DateOnly today) =>
        state is TaskState.Draft or TaskState.Paused or TaskState.Rejected or TaskState.Cancelled
            ? Timeliness.NoDeadline
            : Of(deadline, state == TaskState.Accepted ? completedOn ?? today : null, today);
}
