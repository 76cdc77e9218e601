using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Tasks;

/// <summary>A directive's tasks go down the tree, are split further, reported on and accepted, and roll up every level.</summary>
public sealed class TaskCascadeShould(AppFixture app)
{
    [Fact]
    public async Task Hand_down_split_report_and_roll_up_every_level()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b, a1) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB), await app.TenantIdAsync(tree.GrandchildA1));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aSecretary = await app.ClientForAsync(tree.ASecretary);
        using var a1Reporter = await app.ClientForAsync(tree.A1Member);

        var issued = await root.IssueDirectiveAsync(tree.Root, "1866-CV/TU", a, b);
        Assert.Equal("Issued", issued.Str("status"));
        var points = issued.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(2, points.Count);
        Assert.Equal("Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy", points[0].Str("title"));
        var rootTask = points[0].GetProperty("taskId").GetGuid();

        // The commune received both points and a read-only copy of the directive.
        var received = await aSecretary.TasksAsync(tree.ChildA, "?scope=Received");
        Assert.Equal(2, received.GetProperty("total").GetInt32());
        var directives = await aSecretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/directives?search=1866");
        Assert.Equal("Received", directives[0].Str("status"));
        var aTask = received.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("pointNumber").GetInt32() == 1).Id();

        // The commune splits its task to its cell; the cell acknowledges and reports half done.
        await aSecretary.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/handoffs", new { leadTenantIds = new[] { a1 } });
        var a1Task = (await a1Reporter.TasksAsync(tree.GrandchildA1)).GetProperty("items")[0].Id();
        await a1Reporter.PostOkAsync($"/t/{tree.GrandchildA1}/api/tasks/{a1Task}/acknowledge");
        await a1Reporter.PostOkAsync($"/t/{tree.GrandchildA1}/api/tasks/{a1Task}/progress", new { text = "Đã tổ chức quán triệt cho đảng viên", percent = 50 });

        // It rolls up: the commune's task is at 50 %, the province's at 25 % (A at 50, B at 0).
        var aDetail = await Eventually.ValueAsync(() => aSecretary.TaskAsync(tree.ChildA, aTask), t => t.GetProperty("percent").GetDecimal() == 50m);
        Assert.Contains(aDetail.GetProperty("thread").EnumerateArray(), u => u.Str("kind") == "Progress" && u.Str("unitName").StartsWith("Chi bộ A1"));
        var rootDetail = await Eventually.ValueAsync(() => root.TaskAsync(tree.Root, rootTask), t => t.GetProperty("percent").GetDecimal() == 25m);
        Assert.Equal("InProgress", rootDetail.GetProperty("handoffs").EnumerateArray().Single(h => h.GetProperty("recipientTenantId").GetGuid() == a).Str("state"));

        // The cell reports the result; the commune accepts it, reports its own; the province accepts the commune's.
        await a1Reporter.PostOkAsync($"/t/{tree.GrandchildA1}/api/tasks/{a1Task}/result", new { text = "Hoàn thành 100% chi bộ quán triệt" });
        var aWithResult = await Eventually.ValueAsync(() => aSecretary.TaskAsync(tree.ChildA, aTask),
            t => t.GetProperty("handoffs")[0].Str("state") == "ResultReported");
        var a1Handoff = aWithResult.GetProperty("handoffs")[0].Id();
        await aSecretary.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/handoffs/{a1Handoff}/decision", new { decision = "accept" });
        Assert.Equal("Accepted", (await a1Reporter.TaskAsync(tree.GrandchildA1, a1Task)).Str("state"));
        var aDone = await aSecretary.TaskAsync(tree.ChildA, aTask);
        Assert.Equal(100m, aDone.GetProperty("percent").GetDecimal());
        await aSecretary.PostOkAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/result", new { text = "Đảng ủy xã A đã hoàn thành" });
        var rootWithResult = await Eventually.ValueAsync(() => root.TaskAsync(tree.Root, rootTask),
            t => t.GetProperty("handoffs").EnumerateArray().Any(h => h.Str("state") == "ResultReported"));
        var aHandoff = rootWithResult.GetProperty("handoffs").EnumerateArray().Single(h => h.GetProperty("recipientTenantId").GetGuid() == a).Id();
        var accepted = await root.PostOkAsync($"/t/{tree.Root}/api/tasks/{rootTask}/handoffs/{aHandoff}/decision", new { decision = "accept" });
        Assert.Equal(50m, accepted.GetProperty("percent").GetDecimal());
        Assert.Equal("InProgress", accepted.Str("state"));

        // The province's cascade shows every unit below; the commune's shows itself and its cell only.
        var cascade = await Eventually.ValueAsync(() => root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/tasks/{rootTask}/cascade"),
            c => c.GetProperty("nodes").GetArrayLength() == 4);
        var units = cascade.GetProperty("nodes").EnumerateArray().Select(n => n.Str("unitCode")).ToList();
        Assert.Equal([tree.Root, tree.ChildA, tree.ChildB, tree.GrandchildA1], units.ToArray());
        var aCascade = await aSecretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/tasks/{aTask}/cascade");
        Assert.Equal([tree.ChildA, tree.GrandchildA1], aCascade.GetProperty("nodes").EnumerateArray().Select(n => n.Str("unitCode")).ToArray());
    }
}
