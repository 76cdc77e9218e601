using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Tasks;

namespace CommitteeCloud.UnitTests.Tasks;

public sealed class WorkTaskShould
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static TaskDetails Details(DeadlineKind kind = DeadlineKind.None, DateOnly? due = null, Recurrence? every = null,
        DateOnly? from = null, DateOnly? until = null) =>
        new("Báo cáo kết quả thực hiện", null, null, [], null, null, null, null, kind, due, every, from, until, [], TaskPriority.Normal, []);

    private static WorkTask Received(TaskDetails details)
    {
        var parent = new WorkTask(details, TaskOrigin.Directive, null, 1, draft: false, Now);
        return WorkTask.Received(Guid.CreateVersion7(), parent, "Tỉnh ủy", Guid.CreateVersion7(), HandoffRole.Lead, null, Now);
    }

    [Fact]
    public void Move_a_quarterly_deadline_on_as_each_period_is_reported()
    {
        var task = Received(Details(DeadlineKind.Recurring, every: Recurrence.Quarterly, from: new DateOnly(2026, 1, 1), until: new DateOnly(2026, 12, 31)));
        Assert.Equal(new DateOnly(2026, 3, 31), task.CurrentDeadline);
        task.Move(TaskState.Acknowledged, TaskSide.Receiver, Now, Today);
        task.RecordProgress(25, new DateOnly(2026, 3, 31), Now);
        Assert.Equal(new DateOnly(2026, 6, 30), task.CurrentDeadline);
        Assert.Equal(TaskState.InProgress, task.State);
        task.RecordProgress(null, new DateOnly(2026, 12, 31), Now);
        Assert.Null(task.CurrentDeadline);
    }

    [Fact]
    public void Date_completion_by_the_report_not_by_the_acceptance()
    {
        var task = Received(Details(DeadlineKind.OnDate, due: new DateOnly(2026, 11, 20)));
        task.Move(TaskState.Acknowledged, TaskSide.Receiver, Now, Today);
        task.Move(TaskState.InProgress, TaskSide.Receiver, Now, Today);
        task.Move(TaskState.ResultReported, TaskSide.Receiver, new DateTimeOffset(2026, 11, 19, 20, 0, 0, TimeSpan.Zero), Today);
        Assert.Equal(Timeliness.Overdue, task.TimelinessOn(Today));
        task.Move(TaskState.Accepted, TaskSide.Assigner, Now, Today);
        // Reported at 03:00 on 20/11 in Hà Nội: on time, though accepted two days later.
        Assert.Equal(new DateOnly(2026, 11, 20), task.CompletedOn);
        Assert.Equal(Timeliness.CompletedOnTime, task.TimelinessOn(Today));
        Assert.Equal(100m, task.Percent);
    }

    [Fact]
    public void Resume_a_paused_task_where_it_stood_and_refuse_a_receiver_move_while_paused()
    {
        var task = Received(Details());
        task.Move(TaskState.Acknowledged, TaskSide.Receiver, Now, Today);
        task.Move(TaskState.Paused, TaskSide.Assigner, Now, Today);
        Assert.Equal(Timeliness.NoDeadline, task.TimelinessOn(Today));
        Assert.Throws<DomainRuleException>(() => task.Move(TaskState.ResultReported, TaskSide.Receiver, Now, Today));
        Assert.Throws<DomainRuleException>(() => task.RecordProgress(10, null, Now));
        task.Move(TaskState.InProgress, TaskSide.Assigner, Now, Today);
        Assert.Equal(TaskState.Acknowledged, task.State);
    }

    [Fact]
    public void Close_an_own_task_when_all_its_units_are_done_and_reopen_it_when_one_is_returned()
    {
        var task = new WorkTask(Details(), TaskOrigin.AdHoc, null, null, draft: false, Now);
        task.ApplyRollUp(RollUp.Of([new(1, 100, true), new(1, 100, true)]), new DateOnly(2026, 11, 21), Now);
        Assert.Equal(TaskState.Accepted, task.State);
        Assert.Equal(new DateOnly(2026, 11, 21), task.CompletedOn);
        task.ApplyRollUp(RollUp.Of([new(1, 100, true), new(1, 80, false)]), null, Now);
        Assert.Equal(TaskState.InProgress, task.State);
        Assert.Equal(90m, task.Percent);
    }

    [Fact]
    public void Send_a_received_tasks_report_to_its_assigners_tenant_only()
    {
        var task = Received(Details());
        task.ClearDomainEvents();
        task.Move(TaskState.Acknowledged, TaskSide.Receiver, Now, Today);
        task.ReportToAssigner(null);
        var report = Assert.Single(task.DomainEvents.OfType<TaskStatusReported>());
        Assert.Equal(task.ParentTenantId, report.TargetTenantId);
        Assert.Equal(TaskState.Acknowledged, report.State);
        Assert.Single(task.DomainEvents.OfType<TaskChanged>());
    }

    [Fact]
    public void Refuse_a_draft_point_any_move_and_an_answer_nobody_asked_for()
    {
        var draft = new WorkTask(Details(), TaskOrigin.Directive, Guid.CreateVersion7(), 1, draft: true, Now);
        Assert.Throws<DomainRuleException>(() => draft.Move(TaskState.Cancelled, TaskSide.Assigner, Now, Today));
        Assert.Throws<DomainRuleException>(() => Received(Details()).AnswerExplanation("Vì sao", "Xã", "An", Now));
        Assert.Throws<DomainRuleException>(() => new WorkTask(Details(DeadlineKind.OnDate), TaskOrigin.AdHoc, null, null, false, Now));
    }
}
