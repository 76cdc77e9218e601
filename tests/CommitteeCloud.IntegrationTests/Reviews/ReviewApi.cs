using System.Text.Json;
using CommitteeCloud.IntegrationTests.Commitments;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Reviews;

/// <summary>The calls the review cycle tests make.</summary>
public static class ReviewApi
{
    public const string Hundred = "100-diem-10-tieu-chi";
    public const string NinetyTen = "90-tu-cham-10-cap-tren";

    public static async Task<Guid> CopyTemplateAsync(this HttpClient client, string tenant, string shipped = Hundred) =>
        (await client.PostOkAsync($"/t/{tenant}/api/review-templates", new { name = "Bộ tiêu chí năm 2026", copyOfShipped = shipped })).Id();

    public static Task<JsonElement> OpenCycleAsync(this HttpClient client, string tenant, Guid template, params Guid[] children) =>
        client.PostOkAsync($"/t/{tenant}/api/review-cycles", new
        {
            templateId = template, year = 2026, title = "Đánh giá, xếp loại công tác dân vận năm 2026", deadline = CommitmentApi.InDays(10), childTenantIds = children,
        });

    public static async Task<Guid> OnlySelfAssessmentAsync(this HttpClient client, string tenant) =>
        (await client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/self-assessments")).EnumerateArray().Single().Id();

    /// <summary>Every self-scored criterion of the 100-point sheet scored <paramref name="points"/> with an explanation (the live ones are pre-filled).</summary>
    public static object Lines(decimal points, string? firstExplanation = "Đã ban hành kế hoạch số 05-KH/ĐU ngày 10/01/2026") => new
    {
        lines = new[] { "1", "3", "4", "6", "7", "8", "10" }.Select((code, i) => new
        {
            code, score = points, explanation = i == 0 ? firstExplanation : "Đã thực hiện đầy đủ, có báo cáo kết quả",
        }).Append(new { code = "T1", score = 5m, explanation = (string?)"Mô hình được công nhận cấp tỉnh" }).ToArray(),
    };

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string tenant, Guid id, object body) =>
        client.PostAsJsonAsync($"/t/{tenant}/api/self-assessments/{id}/submit", body);

    public static JsonElement UnitOf(this JsonElement board, string childCode) =>
        board.GetProperty("units").EnumerateArray().Single(u => u.Str("childCode") == childCode);

    public static decimal Line(this JsonElement sheet, string code, string field) =>
        sheet.GetProperty("lines").EnumerateArray().Single(l => l.Str("code") == code).GetProperty(field).GetDecimal();
}
