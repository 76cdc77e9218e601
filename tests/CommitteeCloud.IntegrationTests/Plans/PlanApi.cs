using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Plans;

/// <summary>The calls the plan tests make.</summary>
public static class PlanApi
{
    /// <summary>This year: the app counts figures up to today, so the plans under test are this year's.</summary>
    public static int Year => DateTime.UtcNow.AddHours(7).Year;

    /// <summary>A province plan: one activity for child A (B coordinating), one for the unit itself; an automatic and a rank target.</summary>
    public static object Plan(int year, Guid? lead = null, Guid? coordinating = null, string? number = null) => new
    {
        year, number, title = $"Kế hoạch công tác dân vận năm {year}",
        purpose = "Tiếp tục quán triệt, triển khai thực hiện hiệu quả Quy chế công tác dân vận của hệ thống chính trị.",
        requirements = "Bám sát chỉ đạo của Trung ương; cụ thể, thiết thực, phù hợp tình hình địa phương.",
        objectives = new[] { "Nâng cao nhận thức về công tác dân vận", "Thực hiện tốt \"Năm dân vận chính quyền\"" },
        targets = new object[]
        {
            new { name = "Nhiệm vụ hoàn thành", unit = "nhiệm vụ", targetValue = 1, kind = "AtLeast", indicatorCode = "tasks.completed" },
            new { name = "Chỉ số PAPI", unit = "hạng", targetValue = 10, kind = "Rank" },
        },
        activities = new object[]
        {
            new
            {
                title = "Tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân", content = "Mỗi quý ít nhất một cuộc.",
                from = $"{year}-02-01", to = $"{year}-12-31",
                leadTenantIds = lead is { } l ? new[] { l } : Array.Empty<Guid>(),
                coordinatingTenantIds = coordinating is { } c ? new[] { c } : Array.Empty<Guid>(),
            },
            new { title = "Sơ kết 6 tháng thực hiện kế hoạch", from = $"{year}-06-01", to = $"{year}-12-31" },
        },
    };

    public static async Task<JsonElement> CreatePlanAsync(this HttpClient client, string tenant, object plan) =>
        await client.PostAsJsonAsync($"/t/{tenant}/api/plans", new { plan }).OkJsonAsync();

    public static async Task<JsonElement> PlanAsync(this HttpClient client, string tenant, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/plans/{id}");

    public static JsonElement Target(this JsonElement plan, string name) =>
        plan.GetProperty("targets").EnumerateArray().Single(t => t.Str("name") == name);
}
