using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Tasks;

/// <summary>What each unit of a cascade may see of the others: its own rows only, and the cascade below it.</summary>
public sealed class TaskIsolationShould(AppFixture app)
{
    [Fact]
    public async Task Keep_siblings_apart_and_the_parents_internal_notes_inside_the_parent()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b, a1) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB), await app.TenantIdAsync(tree.GrandchildA1));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        using var bClient = await app.ClientForAsync(tree.BSecretary);
        using var a1Client = await app.ClientForAsync(tree.A1Member);
        var issued = await root.IssueDirectiveAsync(tree.Root, "30-CV/TU", a, b);
        var rootTask = issued.GetProperty("points")[0].GetProperty("taskId").GetGuid();
        var aTask = (await aClient.TasksAsync(tree.ChildA, "?search=Tang cuong")).GetProperty("items")[0].Id();
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/notes", new { text = "Ghi chú nội bộ: cán bộ X chậm", @internal = true });
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/handoffs", new { leadTenantIds = new[] { a1 } });
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{rootTask}/notes", new { text = "Ghi chú nội bộ tỉnh", @internal = true });
        var a1Task = (await a1Client.TasksAsync(tree.GrandchildA1)).GetProperty("items")[0].Id();

        // By id, through their own tenant: a sibling, the child and the parent all get the same 404.
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.GetAsync($"/t/{tree.ChildB}/api/tasks/{aTask}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a1Client.GetAsync($"/t/{tree.GrandchildA1}/api/tasks/{aTask}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await root.GetAsync($"/t/{tree.Root}/api/tasks/{aTask}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.PostAsJsonAsync($"/t/{tree.ChildB}/api/tasks/{aTask}/progress", new { text = "x", percent = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.GetAsync($"/t/{tree.ChildB}/api/tasks/{aTask}/cascade")).StatusCode);

        // The sibling's cascade of its own copy holds itself only; the child's holds no parent row.
        var bTask = (await bClient.TasksAsync(tree.ChildB, "?search=Tang cuong")).GetProperty("items")[0].Id();
        // (The cascade is a read model the outbox keeps: wait for it to hold the node before looking at what else it holds.)
        var bCascade = await Eventually.ValueAsync(() => bClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildB}/api/tasks/{bTask}/cascade"),
            c => c.GetProperty("nodes").GetArrayLength() > 0);
        Assert.Equal([tree.ChildB], bCascade.GetProperty("nodes").EnumerateArray().Select(n => n.Str("unitCode")).ToArray());
        var a1Cascade = await Eventually.ValueAsync(() => a1Client.GetFromJsonAsync<JsonElement>($"/t/{tree.GrandchildA1}/api/tasks/{a1Task}/cascade"),
            c => c.GetProperty("nodes").GetArrayLength() > 0);
        Assert.Equal([tree.GrandchildA1], a1Cascade.GetProperty("nodes").EnumerateArray().Select(n => n.Str("unitCode")).ToArray());
        // Nor can a unit ask for an explanation of a node beside or above it.
        Assert.Equal(HttpStatusCode.NotFound, (await aClient.PostAsJsonAsync($"/t/{tree.ChildA}/api/task-nodes/{bTask}/explanation-requests", new { text = "x" })).StatusCode);

        // Internal notes stay where they were written; the child's thread shows the parent's decisions only.
        var a1Thread = (await a1Client.TaskAsync(tree.GrandchildA1, a1Task)).GetProperty("thread").EnumerateArray().Select(u => u.GetProperty("text").GetString()).ToList();
        Assert.DoesNotContain(a1Thread, t => t is not null && t.Contains("nội bộ", StringComparison.Ordinal));
        var aThread = (await aClient.TaskAsync(tree.ChildA, aTask)).GetProperty("thread").EnumerateArray().Select(u => u.GetProperty("text").GetString()).ToList();
        Assert.DoesNotContain(aThread, t => t == "Ghi chú nội bộ tỉnh");
        await Task.Delay(200);
        var rootThread = (await root.TaskAsync(tree.Root, rootTask)).GetProperty("thread").EnumerateArray().Select(u => u.GetProperty("text").GetString()).ToList();
        Assert.DoesNotContain(rootThread, t => t is not null && t.Contains("cán bộ X", StringComparison.Ordinal));

        // Directives: a sibling does not see another's received copy; the parent does not see the child's register.
        var bDirectives = await bClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildB}/api/directives");
        var aCopy = (await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/directives"))[0].Id();
        Assert.DoesNotContain(bDirectives.EnumerateArray(), d => d.Id() == aCopy);
        Assert.Equal(HttpStatusCode.NotFound, (await root.GetAsync($"/t/{tree.Root}/api/directives/{aCopy}")).StatusCode);
    }

    [Fact]
    public async Task Let_row_level_security_refuse_another_tenants_task_rows_even_to_raw_sql()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        var b = await app.TenantIdAsync(tree.ChildB);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        await root.IssueDirectiveAsync(tree.Root, "31-CV/TU", a);
        await using var connection = await app.AppConnectionAsync(b);
        foreach (var table in new[] { "tasks", "task_updates", "directives", "task_nodes" })
        {
            await using var count = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {table} WHERE tenant_id = '{a}'", connection);
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }
        Assert.True(await app.AdminScalarAsync<long>($"SELECT count(*) FROM tasks WHERE tenant_id = '{a}'") > 0);
    }
}
