using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Reports;

/// <summary>The calls the report tests make.</summary>
public static class ReportApi
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public static string Day(int days) => Today.AddDays(days).ToString("yyyy-MM-dd");

    /// <summary>A template with one section, a live-bound sum, a hand-entered average and a yes/no indicator.</summary>
    public static Task<JsonElement> CreateTemplateAsync(this HttpClient client, string tenant) =>
        client.PostOkAsync($"/t/{tenant}/api/report-templates", new
        {
            name = "Báo cáo công tác dân vận",
            sections = new object[] { new { title = "Kết quả thực hiện", guidance = "Nêu kết quả nổi bật" }, new { title = "Phương hướng" } },
            indicators = new object[]
            {
                new { name = "Số cuộc đối thoại", unit = "cuộc", rule = "Sum", indicatorCode = "dialogues.held" },
                new { name = "Tỷ lệ đảng viên được quán triệt", unit = "%", rule = "Average" },
                new { name = "Có mô hình Dân vận khéo cấp tỉnh", unit = "có/không", rule = "CountYes" },
            },
        });

    /// <summary>An ad hoc request covering the last month and the next day, so that what a unit records today counts.</summary>
    public static Task<JsonElement> SendAsync(this HttpClient client, string tenant, Guid template, int deadlineInDays, params Guid[] children) =>
        client.PostOkAsync($"/t/{tenant}/api/report-requests", new
        {
            kind = "AdHoc", year = Today.Year, periodFrom = Day(-30), periodTo = Day(1), deadline = Day(deadlineInDays), templateId = template,
            subject = "Báo cáo nhanh công tác dân vận", childTenantIds = children,
        });

    public static async Task<Guid> OnlyReportAsync(this HttpClient client, string tenant)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/reports");
        return list.EnumerateArray().Single().Id();
    }

    public static Task<JsonElement> ReportAsync(this HttpClient client, string tenant, Guid id) =>
        client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/reports/{id}")!;

    public static Task<JsonElement> BoardAsync(this HttpClient client, string tenant, Guid request) =>
        client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/report-requests/{request}?content=true")!;

    public static object Draft(decimal? dialogues, string? note, decimal share = 90, decimal yes = 1, uint? version = null) => new
    {
        sections = new[] { "Tổ chức 01 hội nghị đối thoại với Nhân dân.", "Tiếp tục thực hiện Quy chế dân chủ." },
        indicators = new object[]
        {
            new { key = "i1", value = dialogues, note },
            new { key = "i2", value = share },
            new { key = "i3", value = yes },
        },
        documentNumber = "12-BC/ĐU", place = "Lạng Sơn", signerName = "Nguyễn Văn Bí Thư", signerCapacity = "T/M BAN THƯỜNG VỤ\nBÍ THƯ", version,
    };

    /// <summary>Drafts with the live figures as they are, approves and submits.</summary>
    public static async Task<JsonElement> FillAndSubmitAsync(this HttpClient client, string tenant, Guid report, decimal share = 90, decimal yes = 1)
    {
        var detail = await client.ReportAsync(tenant, report);
        var computed = detail.GetProperty("indicators")[0].GetProperty("computed");
        decimal? live = computed.ValueKind == JsonValueKind.Null ? null : computed.GetDecimal();
        await client.PutAsJsonAsync($"/t/{tenant}/api/reports/{report}", Draft(live, null, share, yes)).OkJsonAsync();
        await client.PostOkAsync($"/t/{tenant}/api/reports/{report}/approve", new { });
        return await client.PostOkAsync($"/t/{tenant}/api/reports/{report}/submit", new { });
    }

    public static JsonElement SlotOf(this JsonElement board, string childCode) =>
        board.GetProperty("slots").EnumerateArray().Single(s => s.Str("childCode") == childCode);

    public static JsonElement Row(this JsonElement board, string key, string list = "aggregate") =>
        board.GetProperty(list).EnumerateArray().Single(r => r.Str("key") == key);

    public static decimal? Dec(this JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();

    public static string[] Errors(this JsonElement problem, string field) =>
        [.. problem.FieldErrors(field), .. problem.FieldErrors(char.ToUpperInvariant(field[0]) + field[1..])];
}
