using CommitteeCloud.Domain.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommitteeCloud.UnitTests.Tasks;

public sealed class TimelinessShould
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData(10, null, Timeliness.OnTime)]
    [InlineData(4, null, Timeliness.OnTime)]
    [InlineData(3, null, Timeliness.DueSoon)]
    [InlineData(0, null, Timeliness.DueSoon)]
    [InlineData(-1, null, Timeliness.Overdue)]
    [InlineData(-1, -2, Timeliness.CompletedOnTime)]
    [InlineData(-1, -1, Timeliness.CompletedOnTime)]
    [InlineData(-3, -1, Timeliness.CompletedLate)]
    public void Follow_the_government_office_categories(int dueInDays, int? doneInDays, Timeliness expected) =>
        Assert.Equal(expected, TaskTimeliness.Of(Today.AddDays(dueInDays), doneInDays is { } d ? Today.AddDays(d) : null, Today));

    [Fact]
    public void Say_no_deadline_for_an_open_task_without_one_and_on_time_once_it_is_done() =>
        Assert.Equal((Timeliness.NoDeadline, Timeliness.CompletedOnTime),
            (TaskTimeliness.Of(null, null, Today), TaskTimeliness.Of(null, Today, Today)));

    [Property]
    public Property Never_call_a_completed_task_overdue_or_an_open_one_completed() =>
        Prop.ForAll(Gen.Choose(-400, 400).ToArbitrary(), Gen.Choose(-400, 400).ToArbitrary(), Gen.Choose(-400, 400).ToArbitrary(),
            (due, done, open) =>
            {
                var completed = TaskTimeliness.Of(Today.AddDays(due), Today.AddDays(done), Today.AddDays(open));
                var pending = TaskTimeliness.Of(Today.AddDays(due), null, Today.AddDays(open));
                return completed is Timeliness.CompletedOnTime or Timeliness.CompletedLate
                       && pending is Timeliness.OnTime or Timeliness.DueSoon or Timeliness.Overdue
                       && (pending == Timeliness.Overdue) == (open > due);
            });
}

public sealed class TaskLifecycleShould
{
    [Fact]
    public void Walk_the_happy_path_with_each_side_doing_its_part()
    {
        Assert.True(TaskLifecycle.CanMove(TaskState.Assigned, TaskState.Acknowledged, TaskSide.Receiver));
        Assert.True(TaskLifecycle.CanMove(TaskState.Acknowledged, TaskState.InProgress, TaskSide.Receiver));
        Assert.True(TaskLifecycle.CanMove(TaskState.InProgress, TaskState.ResultReported, TaskSide.Receiver));
        Assert.True(TaskLifecycle.CanMove(TaskState.ResultReported, TaskState.Returned, TaskSide.Assigner));
        Assert.True(TaskLifecycle.CanMove(TaskState.Returned, TaskState.ResultReported, TaskSide.Receiver));
        Assert.True(TaskLifecycle.CanMove(TaskState.ResultReported, TaskState.Accepted, TaskSide.Assigner));
    }

    [Fact]
    public void Keep_each_side_to_its_own_moves()
    {
        Assert.False(TaskLifecycle.CanMove(TaskState.ResultReported, TaskState.Accepted, TaskSide.Receiver));
        Assert.False(TaskLifecycle.CanMove(TaskState.Assigned, TaskState.Acknowledged, TaskSide.Assigner));
        Assert.False(TaskLifecycle.CanMove(TaskState.InProgress, TaskState.Cancelled, TaskSide.Receiver));
        Assert.True(TaskLifecycle.CanMove(TaskState.InProgress, TaskState.Paused, TaskSide.Assigner));
        Assert.True(TaskLifecycle.CanMove(TaskState.Paused, TaskState.InProgress, TaskSide.Assigner));
        Assert.False(TaskLifecycle.CanMove(TaskState.Paused, TaskState.ResultReported, TaskSide.Receiver));
        Assert.True(TaskLifecycle.CanMove(TaskState.Assigned, TaskState.Rejected, TaskSide.Receiver));
        Assert.False(TaskLifecycle.CanMove(TaskState.InProgress, TaskState.Rejected, TaskSide.Receiver));
    }

    [Fact]
    public void Close_accepted_rejected_and_cancelled_tasks_for_good()
    {
        foreach (var closed in new[] { TaskState.Accepted, TaskState.Rejected, TaskState.Cancelled })
        foreach (var side in Enum.GetValues<TaskSide>())
            Assert.Empty(TaskLifecycle.NextStates(closed, side));
    }
}

public sealed class DeadlineShould
{
    [Fact]
    public void Generate_quarters_labelled_as_officers_write_them()
    {
        var quarterly = new Deadline.Recurring(Recurrence.Quarterly, new DateOnly(2026, 2, 10), new DateOnly(2026, 12, 31));
        var periods = quarterly.Periods();
        Assert.Equal(["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"], periods.Select(p => p.Label).ToArray());
        Assert.Equal(new DateOnly(2026, 3, 31), periods[0].End);
        Assert.Equal(new DateOnly(2026, 12, 31), periods[3].End);
    }

    [Property]
    public Property Cover_the_range_with_contiguous_periods() =>
        Prop.ForAll(Gen.Elements(Enum.GetValues<Recurrence>()).ToArbitrary(), Gen.Choose(0, 700).ToArbitrary(), Gen.Choose(0, 900).ToArbitrary(),
            (every, offset, length) =>
            {
                var from = new DateOnly(2025, 1, 1).AddDays(offset);
                var until = from.AddDays(length);
                var periods = new Deadline.Recurring(every, from, until).Periods();
                var contiguous = periods.Zip(periods.Skip(1)).All(p => p.First.End.AddDays(1) == p.Second.Start);
                return periods.Count > 0 && periods[0].Start <= from && periods[^1].End >= until && contiguous;
            });

    [Fact]
    public void Aim_a_standing_task_at_its_next_review_date()
    {
        var standing = new Deadline.Standing([new DateOnly(2026, 6, 30), new DateOnly(2026, 12, 15)]);
        Assert.Equal(new DateOnly(2026, 12, 15), standing.NextReview(new DateOnly(2026, 7, 1)));
        Assert.Null(standing.NextReview(new DateOnly(2027, 1, 1)));
    }
}

public sealed class RollUpShould
{
    [Fact]
    public void Average_children_by_weight_and_finish_only_when_all_have()
    {
        var progress = RollUp.Of([new ChildProgress(1, 50, false), new ChildProgress(3, 100, true)]);
        Assert.Equal(new RolledUpProgress(87.5m, false), progress);
        Assert.Equal(new RolledUpProgress(100, true), RollUp.Of([new ChildProgress(1, 80, true), new ChildProgress(2, 10, true)]));
        Assert.Equal(new RolledUpProgress(40, false), RollUp.Of([new ChildProgress(1, 90, false)], setByHand: 40));
    }

    [Property]
    public Property Stay_between_zero_and_a_hundred() =>
        Prop.ForAll(Gen.Choose(-50, 150).Select(p => new ChildProgress(1, p, false)).ListOf().Where(l => l.Count > 0).ToArbitrary(),
            children =>
            {
                var result = RollUp.Of([.. children]);
                return result.Percent is >= 0 and <= 100 && !result.Done;
            });
}
