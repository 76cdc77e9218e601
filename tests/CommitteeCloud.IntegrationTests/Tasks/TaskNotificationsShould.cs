using System.Collections.Concurrent;
using System.Text.Json;
using CommitteeCloud.Web.Platform.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommitteeCloud.IntegrationTests.Tasks;

/// <summary>Every notification kind of the cascade reaches the right people live (SignalR) and in their inbox.</summary>
public sealed class TaskNotificationsShould(AppFixture app)
{
    private sealed class Listener : IAsyncDisposable
    {
        private readonly HubConnection _hub;
        public ConcurrentQueue<LiveNotification> Received { get; } = new();

        private Listener(HubConnection hub)
        {
            _hub = hub;
            hub.On<LiveNotification>(LiveMethods.Notification, n => Received.Enqueue(n));
        }

        public static async Task<Listener> ForAsync(AppFixture app, string user) => new(await app.ConnectHubAsync(user));

        public async Task<LiveNotification> KindAsync(string kind) =>
            (await Eventually.ValueAsync(() => Task.FromResult(Received.Where(n => n.Kind == kind).ToList()), l => l.Count > 0))[0];

        public ValueTask DisposeAsync() => _hub.DisposeAsync();
    }

    [Fact]
    public async Task Tell_each_side_of_a_hand_off_what_the_other_did()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        await using var rootHub = await Listener.ForAsync(app, tree.RootSecretary);
        await using var aHub = await Listener.ForAsync(app, tree.ASecretary);
        await using var staffHub = await Listener.ForAsync(app, tree.AStaff);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);

        var issued = await root.IssueDirectiveAsync(tree.Root, "10-CV/TU", a);
        var assigned = await aHub.KindAsync("task-assigned");
        Assert.Contains("10-CV/TU", assigned.Title);
        Assert.Equal(tree.ChildA, assigned.TenantCode);
        var rootTask = issued.GetProperty("points")[0].GetProperty("taskId").GetGuid();
        var aTask = (await aClient.TasksAsync(tree.ChildA, "?search=Tang cuong")).GetProperty("items")[0].Id();

        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/acknowledge");
        Assert.Equal(tree.Root, (await rootHub.KindAsync("task-acknowledged")).TenantCode);
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/progress", new { text = "Đã triển khai", percent = 30 });
        await rootHub.KindAsync("task-progress");
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/result", new { text = "Xong" });
        await rootHub.KindAsync("task-result-reported");

        var handoff = (await Eventually.ValueAsync(() => root.TaskAsync(tree.Root, rootTask),
            t => t.GetProperty("handoffs")[0].Str("state") == "ResultReported")).GetProperty("handoffs")[0].Id();
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{rootTask}/handoffs/{handoff}/decision", new { decision = "return", comment = "Bổ sung số liệu" });
        Assert.Contains("trả lại", (await aHub.KindAsync("task-returned")).Title);
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/result", new { text = "Đã bổ sung" });
        await Eventually.ValueAsync(() => root.TaskAsync(tree.Root, rootTask), t => t.GetProperty("handoffs")[0].Str("state") == "ResultReported");
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{rootTask}/handoffs/{handoff}/decision", new { decision = "accept" });
        await aHub.KindAsync("task-accepted");

        // The second point: pause, resume, then cancel; the commune rejects nothing it no longer has.
        var second = issued.GetProperty("points")[1].GetProperty("taskId").GetGuid();
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{second}/pause", new { comment = "Chờ hướng dẫn" });
        await aHub.KindAsync("task-paused");
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{second}/resume");
        await aHub.KindAsync("task-resumed");
        await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{second}/cancel", new { comment = "Không còn phù hợp" });
        await aHub.KindAsync("task-cancelled");

        // Staff without the reporting permission are not told about assignments.
        Assert.DoesNotContain(staffHub.Received, n => n.Kind.StartsWith("task-", StringComparison.Ordinal));
        // Everything live is also in the inbox.
        var inbox = await aClient.GetFromJsonAsync<JsonElement>("/api/me/notifications?take=200");
        var kinds = inbox.EnumerateArray().Select(n => n.Str("kind")).ToList();
        Assert.Contains("task-assigned", kinds);
        Assert.Contains("task-returned", kinds);
    }

    [Fact]
    public async Task Tell_the_assigner_of_a_rejection_and_the_supervisor_of_an_explanation()
    {
        var tree = await app.CreateTreeAsync();
        var (a, a1) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.GrandchildA1));
        await using var rootHub = await Listener.ForAsync(app, tree.RootSecretary);
        await using var supervisorHub = await Listener.ForAsync(app, tree.RootSupervisor);
        await using var a1Hub = await Listener.ForAsync(app, tree.A1Member);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        using var a1Client = await app.ClientForAsync(tree.A1Member);

        var past = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-5)).ToString("yyyy-MM-dd");
        var task = await root.PostAsJsonAsync($"/t/{tree.Root}/api/tasks", new
        {
            task = new { title = "Rà soát đơn thư tồn đọng", deadlineKind = "OnDate", dueDate = past, leadTenantIds = new[] { a } },
        }).OkJsonAsync();
        var aTask = (await aClient.TasksAsync(tree.ChildA)).GetProperty("items")[0].Id();
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/handoffs", new { leadTenantIds = new[] { a1 } });
        var a1Task = (await a1Client.TasksAsync(tree.GrandchildA1)).GetProperty("items")[0].Id();

        // The province's supervisor sees the cell's overdue node two levels down and asks it to explain.
        var node = await Eventually.ValueAsync(() => supervisor.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/tasks/{task.Id()}/cascade"),
            c => c.GetProperty("nodes").GetArrayLength() == 3);
        Assert.Equal("Overdue", node.GetProperty("nodes")[2].Str("timeliness"));
        await supervisor.PostOkAsync($"/t/{tree.Root}/api/task-nodes/{a1Task}/explanation-requests", new { text = "Đề nghị giải trình lý do chậm" });
        Assert.Contains("giải trình", (await a1Hub.KindAsync("task-explanation-requested")).Title);
        var a1Detail = await Eventually.ValueAsync(() => a1Client.TaskAsync(tree.GrandchildA1, a1Task), t => t.GetProperty("explanationPending").GetBoolean());
        Assert.Contains("explain", a1Detail.GetProperty("actions").EnumerateArray().Select(x => x.GetString()));
        await a1Client.PostOkAsync($"/t/{tree.GrandchildA1}/api/tasks/{a1Task}/explanation", new { text = "Do thiếu cán bộ, sẽ hoàn thành trong tuần" });
        var answered = await supervisorHub.KindAsync("task-explanation-answered");
        Assert.Equal(tree.Root, answered.TenantCode);
        var cascade = await Eventually.ValueAsync(() => supervisor.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/tasks/{task.Id()}/cascade"),
            c => c.GetProperty("nodes")[2].GetProperty("lastExplanation").ValueKind == JsonValueKind.String);
        Assert.StartsWith("Do thiếu cán bộ", cascade.GetProperty("nodes")[2].Str("lastExplanation"));

        // The cell rejects another task; the commune (its assigner) is told, the province is not.
        var other = await aClient.PostAsJsonAsync($"/t/{tree.ChildA}/api/tasks", new { task = new { title = "Khảo sát hộ nghèo", leadTenantIds = new[] { a1 } } }).OkJsonAsync();
        var otherA1 = (await a1Client.TasksAsync(tree.GrandchildA1, "?search=khao sat")).GetProperty("items")[0].Id();
        await a1Client.PostOkAsync($"/t/{tree.GrandchildA1}/api/tasks/{otherA1}/reject", new { reason = "Không thuộc chức năng của chi bộ" });
        await using var aHub = await Listener.ForAsync(app, tree.ASecretary);
        var rejected = await Eventually.ValueAsync(() => aClient.TaskAsync(tree.ChildA, other.Id()), t => t.GetProperty("handoffs")[0].Str("state") == "Rejected");
        Assert.Contains(rejected.GetProperty("thread").EnumerateArray(), u => u.Str("kind") == "Rejected");
        var inbox = await aClient.GetFromJsonAsync<JsonElement>("/api/me/notifications?take=200");
        Assert.Contains(inbox.EnumerateArray(), n => n.Str("kind") == "task-rejected");
        Assert.DoesNotContain(rootHub.Received, n => n.Kind == "task-rejected");
    }
}
