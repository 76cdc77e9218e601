using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Commitments;

/// <summary>The calls the commitment and model tests make.</summary>
public static class CommitmentApi
{
    public static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7).AddDays(days)).ToString("yyyy-MM-dd");

    public static Task<JsonElement> OpenRoundAsync(this HttpClient client, string tenant, params Guid[] children) =>
        client.PostOkAsync($"/t/{tenant}/api/commitment-rounds", new
        {
            year = 2026, title = "Đăng ký thi đua năm 2026", guidance = "Đăng ký theo Hướng dẫn số 12-HD/BDVTU", deadline = InDays(10),
            childTenantIds = children,
        });

    public static object Registration(decimal target = 100, int models = 1) => new
    {
        titleSought = "Hoàn thành xuất sắc nhiệm vụ",
        targets = new object[]
        {
            new { name = "Tỷ lệ đảng viên được quán triệt Kết luận 114-KL/TW", unit = "%", target },
            new { name = "Mô hình được công nhận", unit = "mô hình", target = 1, indicatorCode = "models.recognized" },
        },
        models = Enumerable.Range(1, models).Select(i => new { name = $"Dân vận khéo trong cải cách hành chính {i}", field = "PoliticalSystem" }).ToArray(),
    };

    /// <summary>The unit's only registration (the one its parent asked for).</summary>
    public static async Task<Guid> OnlyCommitmentAsync(this HttpClient client, string tenant)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/commitments");
        return list.EnumerateArray().Single().Id();
    }

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string tenant, Guid commitment, object body) =>
        client.PutAsJsonAsync($"/t/{tenant}/api/commitments/{commitment}", body);

    public static JsonElement SlotOf(this JsonElement board, string childCode) =>
        board.GetProperty("slots").EnumerateArray().Single(s => s.Str("childCode") == childCode);

    public static Task<JsonElement> RegisterModelAsync(this HttpClient client, string tenant, string name, string field = "Economy") =>
        client.PostOkAsync($"/t/{tenant}/api/models", new
        {
            year = 2026, name, field, isCollective = true, situation = "Đường giao thông nông thôn xuống cấp", goals = "Bê tông hóa 2 km đường thôn",
            contentAndMethod = "Vận động Nhân dân hiến đất, góp công", areaAndBeneficiaries = "Thôn Bản Hẩu, 120 hộ", forces = "Chi bộ chủ trì; MTTQ, đoàn thể phối hợp",
            resources = "Nhân dân đóng góp, ngân sách hỗ trợ xi măng", from = "2026-02-01", to = "2026-11-30", outputs = "2 km đường bê tông",
            sustainability = "Có quy chế duy tu; nhân rộng được ra các thôn",
        });
}
