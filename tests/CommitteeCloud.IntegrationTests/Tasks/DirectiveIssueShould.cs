using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Tasks;

/// <summary>Bad input and faults around issuing: double clicks, stale edits, wrong recipients, clear messages.</summary>
public sealed class DirectiveIssueShould(AppFixture app)
{
    [Fact]
    public async Task Create_one_set_of_hand_offs_when_issued_twice_at_once()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var draft = await root.PostAsJsonAsync($"/t/{tree.Root}/api/directives",
            new { directive = TaskApi.Directive("20-CV/TU", [a, b]), splitPoints = true }).OkJsonAsync();

        // A double click: two requests with the same key at the same moment, then a retry without one.
        var requests = Enumerable.Range(0, 2).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/t/{tree.Root}/api/directives/{draft.Id()}/issue");
            request.Headers.Add("Idempotency-Key", "key-1");
            return root.SendAsync(request);
        }).ToList();
        var responses = await Task.WhenAll(requests);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        (await root.PostAsync($"/t/{tree.Root}/api/directives/{draft.Id()}/issue", null)).EnsureSuccessStatusCode();

        var tenantRoot = await app.TenantIdAsync(tree.Root);
        Assert.Equal(4L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM task_handoffs WHERE tenant_id = '{tenantRoot}'"));
        Assert.Equal(2L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM tasks WHERE tenant_id = '{a}'"));
        Assert.Equal(1L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM directives WHERE tenant_id = '{a}'"));

        // Another key is another request: the directive is already issued.
        var other = new HttpRequestMessage(HttpMethod.Post, $"/t/{tree.Root}/api/directives/{draft.Id()}/issue");
        other.Headers.Add("Idempotency-Key", "key-2");
        await (await root.SendAsync(other)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Refuse_a_stale_edit_with_409_and_keep_the_first()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var draft = await root.PostAsJsonAsync($"/t/{tree.Root}/api/directives", new { directive = TaskApi.Directive("21-CV/TU", [a]) }).OkJsonAsync();
        var version = draft.GetProperty("version").GetUInt32();
        var first = TaskApi.Directive("21-CV/TU", [a], "1. Lần sửa thứ nhất.");
        (await root.PutAsJsonAsync($"/t/{tree.Root}/api/directives/{draft.Id()}", new { directive = first, version })).EnsureSuccessStatusCode();
        var second = TaskApi.Directive("21-CV/TU", [a], "1. Lần sửa thứ hai.");
        await (await root.PutAsJsonAsync($"/t/{tree.Root}/api/directives/{draft.Id()}", new { directive = second, version }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var after = await root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/directives/{draft.Id()}");
        Assert.Equal("1. Lần sửa thứ nhất.", after.Str("body"));
    }

    [Fact]
    public async Task Refuse_recipients_outside_the_issuers_children_and_explain_bad_input_in_vietnamese()
    {
        var tree = await app.CreateTreeAsync();
        var (a1, stranger, a) = (await app.TenantIdAsync(tree.GrandchildA1), await app.TenantIdAsync(tree.StrangerRoot), await app.TenantIdAsync(tree.ChildA));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        foreach (var outsider in new[] { a1, stranger, Guid.CreateVersion7() })
        {
            var problem = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/directives", new { directive = TaskApi.Directive($"22-{outsider:N}"[..20], [outsider]) }))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["Nơi nhận phải là đơn vị trực thuộc trực tiếp."], problem.FieldErrors("recipientTenantIds"));
        }
        var invalid = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/directives", new { directive = new { kind = "Plan", number = "", issuingBody = "", subject = "" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Hãy nhập số, ký hiệu văn bản.", invalid.FieldErrors("directive.number"));
        Assert.Contains("Hãy nhập trích yếu.", invalid.FieldErrors("directive.subject"));

        // The same number twice in one unit is a conflict; a recurring task needs its period.
        (await root.PostAsJsonAsync($"/t/{tree.Root}/api/directives", new { directive = TaskApi.Directive("23-CV/TU", [a]) })).EnsureSuccessStatusCode();
        await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/directives", new { directive = TaskApi.Directive("23-CV/TU", [a]) }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var recurring = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks", new { task = new { title = "Báo cáo định kỳ", deadlineKind = "Recurring" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Hãy chọn chu kỳ báo cáo.", recurring.FieldErrors("task.recurrence"));
        // Handing a task to a grandchild directly is refused too.
        var own = await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks", new { task = new { title = "Việc riêng" } }).OkJsonAsync();
        var split = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks/{own.Id()}/handoffs", new { leadTenantIds = new[] { a1 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(split.FieldErrors("leadTenantIds"));
        // A move the lifecycle does not allow gets a clear 400, not a 500.
        var bad = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks/{own.Id()}/acknowledge", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, (await root.GetAsync($"/t/{tree.Root}/api/tasks/{Guid.CreateVersion7()}")).StatusCode);
        Assert.NotNull(bad.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Withdraw_an_issued_directive_and_cancel_its_tasks_all_the_way_down()
    {
        var tree = await app.CreateTreeAsync();
        var (a, a1) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.GrandchildA1));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        using var a1Client = await app.ClientForAsync(tree.A1Member);
        var issued = await root.IssueDirectiveAsync(tree.Root, "24-CV/TU", a);
        var aTask = (await aClient.TasksAsync(tree.ChildA, "?search=Tang cuong")).GetProperty("items")[0].Id();
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/handoffs", new { leadTenantIds = new[] { a1 } });

        var withdrawn = await root.PostOkAsync($"/t/{tree.Root}/api/directives/{issued.Id()}/withdraw", new { reason = "Ban hành nhầm" });
        Assert.Equal("Withdrawn", withdrawn.Str("status"));
        Assert.All(withdrawn.GetProperty("points").EnumerateArray(), p => Assert.Equal("Cancelled", p.Str("state")));
        Assert.Equal("Cancelled", (await aClient.TaskAsync(tree.ChildA, aTask)).Str("state"));
        var cell = (await a1Client.TasksAsync(tree.GrandchildA1)).GetProperty("items")[0];
        Assert.Equal("Cancelled", cell.Str("state"));
    }

    [Fact]
    public async Task Send_the_directive_to_a_recipient_no_point_names_for_information_without_tasks()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var draft = await root.PostAsJsonAsync($"/t/{tree.Root}/api/directives",
            new { directive = TaskApi.Directive("25-CV/TU", [a, b], "1. Huyện A chủ trì tổ chức đối thoại."), splitPoints = false }).OkJsonAsync();
        await root.PostOkAsync($"/t/{tree.Root}/api/directives/{draft.Id()}/points",
            new { title = "Tổ chức đối thoại với Nhân dân", pointNumber = 1, leadTenantIds = new[] { a } });
        await root.PostOkAsync($"/t/{tree.Root}/api/directives/{draft.Id()}/issue");

        // B is a recipient (nơi nhận) but leads or coordinates no point: it gets the directive in its register and a
        // notification, and no task.
        using var bClient = await app.ClientForAsync(tree.BSecretary);
        var register = await bClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildB}/api/directives");
        Assert.Contains(register.EnumerateArray(), d => d.Str("number") == "25-CV/TU");
        Assert.Equal(0, (await bClient.TasksAsync(tree.ChildB)).GetProperty("total").GetInt32());
        var inbox = await bClient.GetFromJsonAsync<JsonElement>("/api/me/notifications?take=50");
        Assert.Contains(inbox.EnumerateArray(), n => n.Str("kind") == "directive-received" && n.Str("title").Contains("25-CV/TU"));
        // A, which leads the point, gets its task as before.
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        Assert.Equal(1, (await aClient.TasksAsync(tree.ChildA)).GetProperty("total").GetInt32());
    }
}
