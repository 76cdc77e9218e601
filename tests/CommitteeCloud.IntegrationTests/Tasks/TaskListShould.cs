using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Tasks;

/// <summary>The list computes timeliness in SQL for speed: it must say what each task's own page says (the domain rule).</summary>
public sealed class TaskListShould(AppFixture app)
{
    [Fact]
    public async Task Count_and_label_every_task_as_the_domain_rule_does()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        async Task<Guid> Create(string title, int? dueInDays) => (await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks", new
        {
            task = dueInDays is { } d
                ? (object)new { title, deadlineKind = "OnDate", dueDate = today.AddDays(d).ToString("yyyy-MM-dd") }
                : new { title },
        }).OkJsonAsync()).Id();

        var overdue = await Create("Quá hạn", -2);
        await Create("Sắp đến hạn", 2);
        await Create("Trong hạn", 10);
        await Create("Không thời hạn", null);
        var late = await Create("Hoàn thành muộn", -1);
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{late}/complete");
        var onTime = await Create("Hoàn thành đúng hạn", 5);
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{onTime}/complete");
        var paused = await Create("Tạm dừng", -3);
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{paused}/pause");

        var list = await root.TasksAsync(tree.Root);
        var counts = list.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("overdue").GetInt32());
        Assert.Equal(1, counts.GetProperty("dueSoon").GetInt32());
        Assert.Equal(1, counts.GetProperty("onTime").GetInt32());
        Assert.Equal(2, counts.GetProperty("noDeadline").GetInt32());
        Assert.Equal(1, counts.GetProperty("completedOnTime").GetInt32());
        Assert.Equal(1, counts.GetProperty("completedLate").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(overdue, items[0].Id());
        foreach (var item in items)
            Assert.Equal((await root.TaskAsync(tree.Root, item.Id())).Str("timeliness"), item.Str("timeliness"));
        var filtered = await root.TasksAsync(tree.Root, "?timeliness=CompletedLate");
        Assert.Equal(late, Assert.Single(filtered.GetProperty("items").EnumerateArray()).Id());
        Assert.Equal(1, filtered.GetProperty("total").GetInt32());
    }
}
