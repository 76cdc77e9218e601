using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Tasks;

/// <summary>The calls the task tests make, named as the people in them would say them.</summary>
public static class TaskApi
{
    public static async Task<JsonElement> OkJsonAsync(this Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static object Directive(string number, IEnumerable<Guid> recipients, string? body = null) => new
    {
        kind = "OfficialLetter", number, issueDate = (string?)null, issuePlace = "Lạng Sơn", issuingBody = "Ban Thường vụ Tỉnh ủy",
        signer = "Hoàng Văn Nghiệm", signerCapacity = "T/M Ban Thường vụ, Phó Bí thư Thường trực",
        subject = "V/v tăng cường và nâng cao hiệu quả công tác dân vận của cơ quan Nhà nước các cấp",
        body = body ?? "Để tiếp tục thực hiện tốt công tác dân vận:\n\n1. Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy. Nội dung chi tiết.\n\n2. Thực hiện tốt nội dung Năm dân vận chính quyền.\n\nNơi nhận:\n- Như trên.",
        implementsReference = "Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư",
        recipientTenantIds = recipients.ToArray(),
    };

    /// <summary>Drafts, splits and issues a directive from the parent; returns the issued directive.</summary>
    public static async Task<JsonElement> IssueDirectiveAsync(this HttpClient client, string tenant, string number, params Guid[] recipients)
    {
        var draft = await client.PostAsJsonAsync($"/t/{tenant}/api/directives", new { directive = Directive(number, recipients), splitPoints = true }).OkJsonAsync();
        return await client.PostAsync($"/t/{tenant}/api/directives/{draft.GetProperty("id").GetGuid()}/issue", null).OkJsonAsync();
    }

    public static async Task<JsonElement> TasksAsync(this HttpClient client, string tenant, string query = "") =>
        await client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/tasks{query}");

    public static async Task<JsonElement> TaskAsync(this HttpClient client, string tenant, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/tasks/{id}");

    public static Task<JsonElement> PostOkAsync(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { }).OkJsonAsync();

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
