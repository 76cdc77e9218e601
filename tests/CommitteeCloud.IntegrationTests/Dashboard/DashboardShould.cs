using System.Collections.Concurrent;
using System.Text.Json;
using CommitteeCloud.IntegrationTests.Reports;
using CommitteeCloud.IntegrationTests.Tasks;
using CommitteeCloud.Web.Features.Dashboard;
using CommitteeCloud.Web.Platform.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommitteeCloud.IntegrationTests.Dashboard;

public sealed class DashboardShould(AppFixture app)
{
    private static Task<Guid> CreateTaskAsync(HttpClient client, string tenant, string title, int? dueInDays) =>
        client.PostAsJsonAsync($"/t/{tenant}/api/tasks", new
        {
            task = dueInDays is { } d
                ? (object)new { title, deadlineKind = "OnDate", dueDate = ReportApi.Day(d) }
                : new { title },
        }).OkJsonAsync().ContinueWith(t => t.Result.Id());

    private static async Task<JsonElement> DashboardAsync(HttpClient client, string tenant, string query = "") =>
        await client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/dashboard{query}");

    private static JsonElement UnitOf(JsonElement dashboard, string code) =>
        dashboard.GetProperty("units").EnumerateArray().Single(u => u.Str("code") == code);

    private static int Int(JsonElement e, string group, string name) => e.GetProperty(group).GetProperty(name).GetInt32();

    /// <summary>For probes: a unit's summary row is itself projected from the outbox, so it may not be there yet.</summary>
    private static bool Shows(JsonElement dashboard, string code, Func<JsonElement, bool> row) =>
        dashboard.GetProperty("units").EnumerateArray().Any(u => u.Str("code") == code && row(u));

    /// <summary>The dashboard as the province supervisor sees it once the outbox has caught up with <paramref name="ready"/>.</summary>
    private static Task<JsonElement> DashboardWhenAsync(HttpClient client, string tenant, Func<JsonElement, bool> ready) =>
        Eventually.ValueAsync(() => DashboardAsync(client, tenant), ready);

    [Fact]
    public async Task Count_each_unit_s_tasks_as_its_own_inbox_does_and_mark_it_red_when_one_is_overdue()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        await CreateTaskAsync(a, tree.ChildA, "Quá hạn", -2);
        await CreateTaskAsync(a, tree.ChildA, "Sắp đến hạn", 2);
        await CreateTaskAsync(a, tree.ChildA, "Còn hạn", 20);
        await CreateTaskAsync(a, tree.ChildA, "Không thời hạn", null);
        var done = await CreateTaskAsync(a, tree.ChildA, "Đã xong", 5);
        await a.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{done}/complete");

        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        var dashboard = await DashboardWhenAsync(supervisor, tree.Root, d => Shows(d, tree.ChildA, u => Int(u, "tasks", "completedOnTime") == 1) && d.GetProperty("units").GetArrayLength() == 4);
        var row = UnitOf(dashboard, tree.ChildA);

        // The same numbers as the unit's own inbox, which counts its tasks directly.
        var inbox = (await a.TasksAsync(tree.ChildA)).GetProperty("counts");
        foreach (var name in new[] { "overdue", "dueSoon", "onTime", "noDeadline", "completedOnTime", "completedLate" })
            Assert.Equal(inbox.GetProperty(name).GetInt32(), Int(row, "tasks", name));
        Assert.Equal(1, Int(row, "tasks", "overdue"));
        Assert.Equal(1, Int(row, "tasks", "dueSoon"));
        Assert.Equal(1, Int(row, "tasks", "onTime"));
        Assert.Equal(1, Int(row, "tasks", "noDeadline"));
        Assert.Equal("Red", row.Str("health"));
        Assert.Contains("1 nhiệm vụ quá hạn", row.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        // No task, no leader assignment, no dialogue: amber, not red.
        Assert.Equal("Amber", UnitOf(dashboard, tree.ChildB).Str("health"));
        Assert.Equal(4, dashboard.GetProperty("totals").GetProperty("units").GetInt32());
        Assert.Equal(1, dashboard.GetProperty("totals").GetProperty("red").GetInt32());
        Assert.Equal(1, Int(dashboard.GetProperty("totals"), "tasks", "overdue"));
        Assert.Equal(2, UnitOf(dashboard, tree.GrandchildA1).GetProperty("depth").GetInt32());

        // Filters: one kind of unit; the year decides which finished work counts, not the open work still due.
        var cells = await DashboardAsync(supervisor, tree.Root, "?unitKind=Cell");
        Assert.Equal([tree.GrandchildA1], cells.GetProperty("units").EnumerateArray().Select(u => u.Str("code")).ToArray());
        var nextYear = await DashboardAsync(supervisor, tree.Root, $"?year={ReportApi.Today.Year + 1}");
        Assert.Equal(0, Int(UnitOf(nextYear, tree.ChildA), "tasks", "completedOnTime"));
        Assert.Equal(1, Int(UnitOf(nextYear, tree.ChildA), "tasks", "overdue"));
    }

    [Fact]
    public async Task Count_the_reports_asked_of_each_unit_and_give_the_same_numbers_after_a_rebuild_from_scratch()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var a = await app.ClientForAsync(tree.ASecretary);
        var childA = await app.TenantIdAsync(tree.ChildA);
        var childB = await app.TenantIdAsync(tree.ChildB);
        var template = await root.CreateTemplateAsync(tree.Root);
        await root.SendAsync(tree.Root, template.Id(), 5, childA, childB);
        await CreateTaskAsync(a, tree.ChildA, "Quá hạn", -1);
        var report = await Eventually.ValueAsync(async () => (await a.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/reports")).EnumerateArray().ToList(), l => l.Count == 1);
        await a.FillAndSubmitAsync(tree.ChildA, report[0].Id());

        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        var live = await DashboardWhenAsync(supervisor, tree.Root, d => Shows(d, tree.ChildA, u => Int(u, "reports", "onTime") == 1 && Int(u, "tasks", "overdue") == 1)
            && Shows(d, tree.ChildB, u => Int(u, "reports", "notYetDue") == 1) && d.GetProperty("units").GetArrayLength() == 4);
        Assert.Equal(1, Int(UnitOf(live, tree.ChildB), "reports", "notYetDue"));
        Assert.Equal(0, Int(UnitOf(live, tree.ChildB), "reports", "missing"));

        // From scratch: the counters are deleted first, so equal numbers mean the rebuild recounted every one of them.
        var result = await DashboardRebuild.RunAsync(app.Services, tree.Root, CancellationToken.None);
        Assert.Equal(4, result.Units);
        var rebuilt = await DashboardAsync(supervisor, tree.Root);
        Assert.Equal(live.GetProperty("units").GetRawText(), rebuilt.GetProperty("units").GetRawText());
        Assert.Equal(live.GetProperty("totals").GetRawText(), rebuilt.GetProperty("totals").GetRawText());

        // A write behind the app's back (the deadline moved with SQL) is repaired by the rebuild: B's report is now missing.
        await app.AdminScalarAsync<int>($"UPDATE report_slots SET deadline = current_date - 3 WHERE child_tenant_id = '{childB}' RETURNING 1");
        await DashboardRebuild.RunAsync(app.Services, tree.Root, CancellationToken.None);
        var repaired = UnitOf(await DashboardAsync(supervisor, tree.Root), tree.ChildB);
        Assert.Equal(1, Int(repaired, "reports", "missing"));
        Assert.Equal("Red", repaired.Str("health"));
    }

    [Fact]
    public async Task Show_a_commune_its_own_subtree_only_and_nothing_of_a_sibling_or_another_province()
    {
        var tree = await app.CreateTreeAsync();
        using var b = await app.ClientForAsync(tree.BSecretary);
        await CreateTaskAsync(b, tree.ChildB, "Việc của xã B", -1);
        using var a = await app.ClientForAsync(tree.ASecretary);
        var own = await Eventually.ValueAsync(() => DashboardAsync(a, tree.ChildA), d => d.GetProperty("units").GetArrayLength() == 2);
        Assert.Equal([tree.ChildA, tree.GrandchildA1], own.GetProperty("units").EnumerateArray().Select(u => u.Str("code")).ToArray());

        var childB = await app.TenantIdAsync(tree.ChildB);
        var root = await app.TenantIdAsync(tree.Root);
        // A sibling's and a parent's rows are not found, whichever way they are asked for.
        Assert.Equal(0, (await a.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/dashboard/units?ids={childB},{root}")).GetArrayLength());
        await (await a.GetAsync($"/t/{tree.ChildA}/api/dashboard/units/{tree.ChildB}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await a.GetAsync($"/t/{tree.ChildA}/api/dashboard/units/{tree.Root}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/t/{tree.ChildB}/api/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/t/{tree.Root}/api/dashboard")).StatusCode);

        // The province sees its whole subtree and nothing of another province.
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        var province = await DashboardAsync(supervisor, tree.Root);
        Assert.DoesNotContain(tree.StrangerRoot, province.GetProperty("units").EnumerateArray().Select(u => u.Str("code")));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/t/{tree.StrangerRoot}/api/dashboard")).StatusCode);
        await (await supervisor.GetAsync($"/t/{tree.Root}/api/dashboard/units/{tree.StrangerRoot}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var stranger = await app.ClientForAsync(tree.Stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/t/{tree.Root}/api/dashboard")).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>($"/t/{tree.StrangerRoot}/api/dashboard/units?ids={childB}")).GetArrayLength());

        // And PostgreSQL itself refuses a sibling session the rows, whatever the query.
        await using var asSibling = await app.AppConnectionAsync(await app.TenantIdAsync(tree.ChildA));
        await using var read = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM dashboard_items WHERE tenant_id = '{childB}'", asSibling);
        Assert.Equal(0L, await read.ExecuteScalarAsync());
        Assert.True(await app.AdminScalarAsync<long>($"SELECT count(*) FROM dashboard_items WHERE tenant_id = '{childB}'") > 0);
    }

    [Fact]
    public async Task Drill_down_to_a_unit_its_children_and_its_overdue_work()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        await CreateTaskAsync(a, tree.ChildA, "Còn hạn", 30);
        await CreateTaskAsync(a, tree.ChildA, "Quá hạn ba ngày", -3);
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        var detail = await Eventually.ValueAsync(async () =>
            {
                var response = await supervisor.GetAsync($"/t/{tree.Root}/api/dashboard/units/{tree.ChildA}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            d => d.ValueKind == JsonValueKind.Object && d.GetProperty("tasks").GetArrayLength() == 2 && d.GetProperty("children").GetArrayLength() == 1);
        Assert.Equal(tree.ChildA, detail.GetProperty("unit").Str("code"));
        Assert.Equal([tree.GrandchildA1], detail.GetProperty("children").EnumerateArray().Select(c => c.Str("code")).ToArray());
        var first = detail.GetProperty("tasks")[0];
        Assert.Equal("Quá hạn ba ngày", first.Str("title"));
        Assert.Equal("Overdue", first.Str("timeliness"));
        Assert.Equal(3, first.GetProperty("daysOverdue").GetInt32());
    }

    [Fact]
    public async Task Give_a_dashboard_read_a_moment_ago_the_new_numbers_of_the_unit_that_changed()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        await CreateTaskAsync(a, tree.ChildA, "Còn hạn", 20);
        // Read (and so known to the dashboard's per-unit sums) before the change below.
        var before = await DashboardWhenAsync(supervisor, tree.Root, d => Shows(d, tree.ChildA, u => Int(u, "tasks", "onTime") == 1) && d.GetProperty("units").GetArrayLength() == 4);
        Assert.Equal(0, Int(UnitOf(before, tree.ChildA), "tasks", "overdue"));

        await CreateTaskAsync(a, tree.ChildA, "Quá hạn", -1);
        var after = await DashboardWhenAsync(supervisor, tree.Root, d => Shows(d, tree.ChildA, u => Int(u, "tasks", "overdue") == 1));
        Assert.Equal("Red", UnitOf(after, tree.ChildA).Str("health"));
        Assert.Equal(1, Int(UnitOf(after, tree.ChildA), "tasks", "onTime"));
        // The units that did not change keep their numbers; the totals are the sum of the rows.
        Assert.Equal(UnitOf(before, tree.ChildB).GetRawText(), UnitOf(after, tree.ChildB).GetRawText());
        Assert.Equal(1, Int(after.GetProperty("totals"), "tasks", "overdue"));
    }

    [Fact]
    public async Task Tell_an_open_dashboard_which_unit_changed_so_it_fetches_that_row_alone()
    {
        var tree = await app.CreateTreeAsync();
        await using var hub = await app.ConnectHubAsync(tree.RootSupervisor);
        var events = new ConcurrentQueue<LiveTenantEvent>();
        hub.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => events.Enqueue(e));
        await hub.InvokeAsync<JoinedTenant>("JoinTenant", tree.Root);
        await using var sibling = await app.ConnectHubAsync(tree.BSecretary);
        var siblingEvents = new ConcurrentQueue<LiveTenantEvent>();
        sibling.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => siblingEvents.Enqueue(e));
        await sibling.InvokeAsync<JoinedTenant>("JoinTenant", tree.ChildB);

        using var a = await app.ClientForAsync(tree.ASecretary);
        var childA = await app.TenantIdAsync(tree.ChildA);
        await CreateTaskAsync(a, tree.ChildA, "Quá hạn", -1);
        await Eventually.ValueAsync(() => Task.FromResult(events.ToArray()), e => e.Any(x => x.Type == "subtreeChanged" && x.EntityId == childA));

        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        var rows = await Eventually.ValueAsync(() => supervisor.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/dashboard/units?ids={childA}"),
            r => r.GetArrayLength() == 1 && Int(r[0], "tasks", "overdue") == 1);
        Assert.Equal(1, Int(rows[0], "tasks", "overdue"));
        Assert.Equal("Red", rows[0].Str("health"));
        await Task.Delay(300);
        Assert.DoesNotContain(siblingEvents, e => e.EntityId == childA);
    }

    [Fact]
    public async Task Answer_bad_filters_with_field_messages()
    {
        var tree = await app.CreateTreeAsync();
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        var year = await (await supervisor.GetAsync($"/t/{tree.Root}/api/dashboard?year=1990")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(year.FieldErrors("year"));
        var ids = await (await supervisor.GetAsync($"/t/{tree.Root}/api/dashboard/units?ids=khong-phai-ma")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(ids.FieldErrors("ids"));
        var none = await (await supervisor.GetAsync($"/t/{tree.Root}/api/dashboard/units")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(none.FieldErrors("ids"));
    }
}
