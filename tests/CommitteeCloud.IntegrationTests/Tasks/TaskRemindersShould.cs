using CommitteeCloud.Web.Features.Tasks.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommitteeCloud.IntegrationTests.Tasks;

/// <summary>The reminder job, driven by a clock the test sets: each threshold once, the most urgent only, no repeats.</summary>
public sealed class TaskRemindersShould(AppFixture app)
{
    private sealed class FixedClock(DateOnly vietnamDay) : TimeProvider
    {
        // 09:00 in Hà Nội.
        public override DateTimeOffset GetUtcNow() => new(vietnamDay.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
    }

    private TaskReminderJob JobOn(DateOnly day) => new(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Database,
        new FixedClock(day), NullLogger<TaskReminderJob>.Instance);

    private Task<long> RemindersAsync(string userName, Guid taskId, string kind) => app.AdminScalarAsync<long>($"""
        SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.user_name = '{userName}' AND n.kind = '{kind}' AND n.link LIKE '%{taskId}'
        """);

    [Fact]
    public async Task Send_each_threshold_once_skip_stale_ones_and_survive_a_restart()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        var due = new DateOnly(2031, 3, 10);
        await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks", new
        {
            task = new { title = "Tổng kết 5 năm thực hiện Kết luận 114", deadlineKind = "OnDate", dueDate = due.ToString("yyyy-MM-dd"), leadTenantIds = new[] { a } },
        }).OkJsonAsync();
        var aTask = (await aClient.TasksAsync(tree.ChildA)).GetProperty("items")[0].Id();

        await JobOn(due.AddDays(-9)).RunOnceAsync(CancellationToken.None);
        Assert.Equal(0L, await RemindersAsync(tree.ASecretary, aTask, "task-due-soon"));

        // Seven days before: one reminder, however often the job runs, on however many nodes.
        await Task.WhenAll(JobOn(due.AddDays(-7)).RunOnceAsync(CancellationToken.None), JobOn(due.AddDays(-7)).RunOnceAsync(CancellationToken.None));
        await JobOn(due.AddDays(-7)).RunOnceAsync(CancellationToken.None);
        Assert.Equal(1L, await RemindersAsync(tree.ASecretary, aTask, "task-due-soon"));

        // The job was down until the day before: the 3-day reminder is stale, the 1-day one goes out.
        await JobOn(due.AddDays(-1)).RunOnceAsync(CancellationToken.None);
        Assert.Equal(2L, await RemindersAsync(tree.ASecretary, aTask, "task-due-soon"));
        Assert.Equal(1L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM task_reminders WHERE task_id = '{aTask}' AND threshold = 1"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM task_reminders WHERE task_id = '{aTask}' AND threshold = 3"));

        // Overdue, then a restart (a new job) on the same day sends nothing more.
        await JobOn(due.AddDays(1)).RunOnceAsync(CancellationToken.None);
        await JobOn(due.AddDays(2)).RunOnceAsync(CancellationToken.None);
        Assert.Equal(1L, await RemindersAsync(tree.ASecretary, aTask, "task-overdue"));
        // The unit that assigned it keeps the task with hand-offs: it is not reminded of the unit's work.
        var rootTaskReminders = await app.AdminScalarAsync<long>($"""
            SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.user_name = '{tree.RootSecretary}' AND n.kind LIKE 'task-due-soon'
            """);
        Assert.Equal(0L, rootTaskReminders);

        // Done tasks are not reminded.
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/acknowledge");
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/result", new { text = "Đã tổng kết" });
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM task_reminders WHERE task_id = '{aTask}' AND deadline <> '{due:yyyy-MM-dd}'"));
    }

    [Theory]
    [InlineData(10, null)]
    [InlineData(8, null)]
    [InlineData(7, 7)]
    [InlineData(4, 7)]
    [InlineData(3, 3)]
    [InlineData(2, 3)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    [InlineData(-1, -1)]
    public void Name_the_threshold_a_deadline_has_reached(int daysLeft, int? expected)
    {
        var today = new DateOnly(2026, 11, 22);
        Assert.Equal(expected, TaskReminderJob.ThresholdOn(today.AddDays(daysLeft), today));
    }
}
