using System.Text.Json;

namespace CommitteeCloud.BrowserTests;

/// <summary>What the task tests set up through the API before a page is opened.</summary>
public static class TaskSetup
{
    /// <summary>The province issues a letter to commune A, which hands its first point to cell A1: the three tasks' ids.</summary>
    public static async Task<(Guid RootTask, Guid ATask, Guid A1Task)> HandDownToTheCellAsync(this AppFixture app, TestTree tree, string pointTitle)
    {
        var (a, a1) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.GrandchildA1));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aSecretary = await app.ClientForAsync(tree.ASecretary);
        using var a1Reporter = await app.ClientForAsync(tree.A1Member);

        var draft = await OkAsync(root.PostAsJsonAsync($"/t/{tree.Root}/api/directives", new
        {
            directive = new
            {
                kind = "OfficialLetter", number = "1866-CV/TU", issuingBody = "Ban Thường vụ Tỉnh ủy",
                subject = "V/v tăng cường và nâng cao hiệu quả công tác dân vận",
                body = $"Để tiếp tục thực hiện tốt công tác dân vận:\n\n1. {pointTitle}. Nội dung chi tiết.\n\n2. Thực hiện tốt nội dung Năm dân vận chính quyền.",
                recipientTenantIds = new[] { a },
            },
            splitPoints = true,
        }));
        var issued = await OkAsync(root.PostAsync($"/t/{tree.Root}/api/directives/{draft.GetProperty("id").GetGuid()}/issue", null));
        var rootTask = issued.GetProperty("points")[0].GetProperty("taskId").GetGuid();

        var received = await aSecretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/tasks?scope=Received");
        var aTask = received.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("pointNumber").GetInt32() == 1).GetProperty("id").GetGuid();
        await OkAsync(aSecretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/tasks/{aTask}/handoffs", new { leadTenantIds = new[] { a1 } }));
        var cellTasks = await a1Reporter.GetFromJsonAsync<JsonElement>($"/t/{tree.GrandchildA1}/api/tasks");
        return (rootTask, aTask, cellTasks.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    public static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
