using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Dialogues;

/// <summary>The calls the dialogue tests make.</summary>
public static class DialogueApi
{
    /// <summary>Today in Vietnam, the day the app counts in.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public static Task<JsonElement> ScheduleAsync(this HttpClient client, string tenant, string kind = "WithStaff", string title = "Đối thoại với cán bộ, công chức năm nay",
        DateOnly? date = null) =>
        client.PostAsJsonAsync($"/t/{tenant}/api/dialogues", new
        {
            kind,
            dialogue = new
            {
                title, date = (date ?? Today).ToString("yyyy-MM-dd"), time = "08:00:00", place = "Hội trường cơ quan", chairName = "Nguyễn Văn Chủ Trì",
                participants = "Toàn thể cán bộ, công chức", participantCount = 30,
            },
        }).OkJsonAsync();

    public static Task<JsonElement> DialogueAsync(this HttpClient client, string tenant, Guid id) =>
        client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/dialogues/{id}")!;

    public static Task<JsonElement> RecordQuestionAsync(this HttpClient client, string tenant, Guid dialogue, object body) =>
        client.PostAsJsonAsync($"/t/{tenant}/api/dialogues/{dialogue}/questions", body).OkJsonAsync();

    public static Task<JsonElement> HoldAsync(this HttpClient client, string tenant, Guid dialogue) =>
        client.PostOkAsync($"/t/{tenant}/api/dialogues/{dialogue}/hold", new { conclusion = "Thống nhất giao các đơn vị giải quyết kiến nghị." });
}
