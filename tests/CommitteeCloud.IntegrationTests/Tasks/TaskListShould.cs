using System.Net;
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

    [Fact]
    public async Task Show_every_change_at_once_however_it_was_written()
    {
        // The inbox keeps each selection's order in memory under a version the database moves on every change of the
        // unit's tasks or hand-offs: through the API, through set-based SQL, and in the app's own session alike.
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var soon = (await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks", new
        {
            task = new { title = "Sắp đến hạn", deadlineKind = "OnDate", dueDate = today.AddDays(2).ToString("yyyy-MM-dd") },
        }).OkJsonAsync()).Id();
        Assert.Equal(1, (await root.TasksAsync(tree.Root)).GetProperty("counts").GetProperty("dueSoon").GetInt32());
        Assert.Equal(1, (await root.TasksAsync(tree.Root)).GetProperty("counts").GetProperty("dueSoon").GetInt32());

        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{soon}/complete");
        var afterApi = (await root.TasksAsync(tree.Root)).GetProperty("counts");
        Assert.Equal(0, afterApi.GetProperty("dueSoon").GetInt32());
        Assert.Equal(1, afterApi.GetProperty("completedOnTime").GetInt32());

        await app.AdminSqlAsync($"UPDATE tasks SET current_deadline = current_deadline - 10, completed_on = current_date WHERE id = '{soon}'");
        Assert.Equal(1, (await root.TasksAsync(tree.Root)).GetProperty("counts").GetProperty("completedLate").GetInt32());

        await app.AdminSqlAsync($"DELETE FROM tasks WHERE id = '{soon}'");
        var afterDelete = await root.TasksAsync(tree.Root);
        Assert.Equal(0, afterDelete.GetProperty("total").GetInt32());
        Assert.Empty(afterDelete.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Answer_a_page_read_a_moment_ago_with_its_rows_as_they_are_now_and_to_members_only()
    {
        // A page is kept whole under the unit's version: a row's own fields (title, percent) changed behind the app's
        // back must show on the next read, a second member gets the same answer, and an outsider asking for the same
        // page learns nothing from the cache.
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var id = (await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks", new { task = new { title = "Tên cũ" } }).OkJsonAsync()).Id();
        for (var i = 0; i < 2; i++) Assert.Equal("Tên cũ", Assert.Single((await root.TasksAsync(tree.Root)).GetProperty("items").EnumerateArray()).Str("title"));

        await app.AdminSqlAsync($"UPDATE tasks SET title = 'Tên mới', percent = 40 WHERE id = '{id}'");
        var row = Assert.Single((await root.TasksAsync(tree.Root)).GetProperty("items").EnumerateArray());
        Assert.Equal("Tên mới", row.Str("title"));
        Assert.Equal(40m, row.GetProperty("percent").GetDecimal());

        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        Assert.Equal("Tên mới", Assert.Single((await supervisor.TasksAsync(tree.Root)).GetProperty("items").EnumerateArray()).Str("title"));
        foreach (var outsider in new[] { tree.ASecretary, tree.BSecretary, tree.Stranger })
        {
            using var client = await app.ClientForAsync(outsider);
            var response = await client.GetAsync($"/t/{tree.Root}/api/tasks");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Tên mới", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Keep_a_unit_version_that_another_tenant_can_neither_read_nor_move()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks", new { task = new { title = "Việc riêng" } });
        var rootId = await app.TenantIdAsync(tree.Root);
        var sibling = await app.TenantIdAsync(tree.ChildA);
        await using var asSibling = await app.AppConnectionAsync(sibling);
        await using (var read = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM task_list_versions WHERE tenant_id = '{rootId}'", asSibling))
            Assert.Equal(0L, await read.ExecuteScalarAsync());
        await using var write = new Npgsql.NpgsqlCommand($"UPDATE task_list_versions SET version = 0 WHERE tenant_id = '{rootId}'", asSibling);
        Assert.Equal(0, await write.ExecuteNonQueryAsync());
        Assert.True(await app.AdminScalarAsync<long>($"SELECT version FROM task_list_versions WHERE tenant_id = '{rootId}'") > 0);
    }
}
