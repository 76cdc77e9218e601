using System.Text.Json;
using CommitteeCloud.IntegrationTests.Indices;
using CommitteeCloud.IntegrationTests.Tasks;
using MiniExcelLibs;

namespace CommitteeCloud.IntegrationTests.Audit;

public sealed class AuditViewShould(AppFixture app)
{
    private static async Task RecordCoursesAsync(HttpClient client, string tenant, int count)
    {
        for (var i = 1; i <= count; i++)
            await client.PostAsJsonAsync($"/t/{tenant}/api/training-courses", new
            {
                course = new { title = $"Lớp tập huấn số {i}", kind = "Training", startsOn = "2026-04-01", endsOn = "2026-04-01", attendees = 10 * i },
            }).OkJsonAsync();
    }

    [Fact]
    public async Task Page_the_filtered_trail_newest_first_with_the_person_s_name_and_readable_changes()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        await RecordCoursesAsync(secretary, tree.ChildA, 5);
        var me = await app.UserIdAsync(tree.ASecretary);

        var url = $"/t/{tree.ChildA}/api/audit?entityType=TrainingCourse&action=Added&userId={me}&take=2";
        var first = await secretary.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        var items = first.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.True(items[0].GetProperty("id").GetInt64() > items[1].GetProperty("id").GetInt64());
        Assert.Equal($"Người dùng {tree.ASecretary}", items[0].Str("userName"));
        Assert.Equal("RecordTrainingCourseCommand", items[0].Str("operation"));
        var title = items[0].GetProperty("fields").EnumerateArray().Single(f => f.Str("field") == "title");
        Assert.Equal("Lớp tập huấn số 5", title.Str("after"));
        Assert.Equal(JsonValueKind.Null, title.GetProperty("before").ValueKind);

        var seen = items.EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        long? next = first.GetProperty("nextBeforeId").GetInt64();
        while (next is not null)
        {
            var page = await secretary.GetFromJsonAsync<JsonElement>($"{url}&beforeId={next}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            next = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("nextBeforeId").GetInt64() : null;
        }
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(seen.OrderDescending(), seen);

        // The period is in Vietnam days: today holds them, yesterday none.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var ofToday = await secretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/audit?entityType=TrainingCourse&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal(5, ofToday.GetProperty("total").GetInt32());
        var ofYesterday = await secretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/audit?entityType=TrainingCourse&to={today.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(0, ofYesterday.GetProperty("total").GetInt32());
        Assert.False(ofYesterday.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task Let_a_supervisor_read_a_unit_below_and_record_that_read()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        await RecordCoursesAsync(secretary, tree.ChildA, 2);
        using var cell = await app.ClientForAsync(tree.A1Member);

        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        var page = await supervisor.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/audit?unit={tree.ChildA}&entityType=TrainingCourse");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal($"Người dùng {tree.ASecretary}", i.Str("userName")));
        // Two levels down too.
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/t/{tree.Root}/api/audit?unit={tree.GrandchildA1}")).StatusCode);

        // The read is in the supervisor's own trail, not in the unit's.
        var a = await app.TenantIdAsync(tree.ChildA);
        var reads = await supervisor.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/audit?entityType=AuditTrail&action=Read");
        var read = reads.GetProperty("items").EnumerateArray().First(i => i.Str("entityId") == a.ToString());
        Assert.Equal($"Người dùng {tree.RootSupervisor}", read.Str("userName"));
        Assert.Equal("ListAuditEntriesQuery", read.Str("operation"));
        Assert.Contains(read.GetProperty("fields").EnumerateArray(), f => f.Str("field") == "unit" && f.Str("after") == tree.ChildA);
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE tenant_id = '{a}' AND action = 'Read'"));
    }

    [Theory]
    [InlineData("sibling")]
    [InlineData("parent")]
    [InlineData("stranger")]
    public async Task Answer_404_for_a_unit_outside_the_caller_s_subtree(string which)
    {
        var tree = await app.CreateTreeAsync();
        using var aSecretary = await app.ClientForAsync(tree.ASecretary);
        var unit = which switch { "sibling" => tree.ChildB, "parent" => tree.Root, _ => tree.StrangerRoot };
        var reads = $"SELECT count(*) FROM audit_entries WHERE tenant_id = '{await app.TenantIdAsync(tree.ChildA)}' AND action = 'Read'";
        var before = await app.AdminScalarAsync<long>(reads);
        await (await aSecretary.GetAsync($"/t/{tree.ChildA}/api/audit?unit={unit}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await aSecretary.GetAsync($"/t/{tree.ChildA}/api/audit.xlsx?unit={unit}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await app.AdminScalarAsync<long>(reads));
        // A's own child is fine.
        Assert.Equal(HttpStatusCode.OK, (await aSecretary.GetAsync($"/t/{tree.ChildA}/api/audit?unit={tree.GrandchildA1}")).StatusCode);
    }

    [Fact]
    public async Task Refuse_a_unit_below_to_someone_without_subtree_view_and_the_view_to_someone_without_audit_view()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var roles = await secretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/roles");
        var role = roles.EnumerateArray().Single(r => r.Str("name") == "Secretary");
        var permissions = role.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).Where(p => p != "subtree.view").ToArray();
        (await secretary.PutAsJsonAsync($"/t/{tree.ChildA}/api/roles/{role.Id()}",
            new { displayName = role.Str("displayName"), permissions, version = role.GetProperty("version").GetUInt32() })).EnsureSuccessStatusCode();
        await (await secretary.GetAsync($"/t/{tree.ChildA}/api/audit?unit={tree.GrandchildA1}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/t/{tree.ChildA}/api/audit")).StatusCode);

        using var staff = await app.ClientForAsync(tree.AStaff);
        await (await staff.GetAsync($"/t/{tree.ChildA}/api/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.GetAsync($"/t/{tree.ChildA}/api/audit.xlsx")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Keep_an_anonymous_question_anonymous_in_the_view()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var dialogue = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues", new
        {
            kind = "WithStaff",
            dialogue = new { title = "Đối thoại với cán bộ", date = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"), place = "Hội trường", chairName = "Bí thư" },
        }).OkJsonAsync();
        using var staff = await app.ClientForAsync(tree.AStaff);
        await staff.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue.Id()}/questions/submit",
            new { content = "Câu hỏi không muốn nêu tên", anonymous = true }).OkJsonAsync();

        var staffId = (await app.UserIdAsync(tree.AStaff)).ToString();
        // (The whole trail still names the staff member where they were added to the unit: that is not the question.)
        var body = await secretary.GetStringAsync($"/t/{tree.ChildA}/api/audit?entityType=DialogueQuestion");
        Assert.Contains("Câu hỏi không muốn nêu tên", body);
        Assert.DoesNotContain(staffId, body);
        Assert.DoesNotContain(tree.AStaff, body);
        var page = await secretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/audit?entityType=DialogueQuestion");
        foreach (var entry in page.GetProperty("items").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("userId").ValueKind);
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("userName").ValueKind);
            Assert.False(entry.TryGetProperty("traceId", out _));
        }
        // Filtering by the person finds nothing of it.
        var byStaff = await secretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/audit?userId={staffId}");
        Assert.Equal(0, byStaff.GetProperty("total").GetInt32());
        var xlsx = await secretary.GetByteArrayAsync($"/t/{tree.ChildA}/api/audit.xlsx?entityType=DialogueQuestion");
        var rows = (await MiniExcel.QueryAsync(new MemoryStream(xlsx), useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        Assert.All(rows, r => Assert.Equal("Ẩn danh / hệ thống", r["Người thực hiện"]?.ToString()));
    }

    [Fact]
    public async Task Export_the_filtered_entries_to_xlsx()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        await RecordCoursesAsync(secretary, tree.ChildA, 3);
        var response = await secretary.GetAsync($"/t/{tree.ChildA}/api/audit.xlsx?entityType=TrainingCourse");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = (await MiniExcel.QueryAsync(await response.Content.ReadAsStreamAsync(), useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal($"Người dùng {tree.ASecretary}", r["Người thực hiện"]?.ToString()));
        Assert.All(rows, r => Assert.Equal("Thêm mới", r["Hành động"]?.ToString()));
        Assert.Contains(rows, r => r["Thay đổi"]!.ToString()!.Contains("title: Lớp tập huấn số 2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=501", "take")]
    [InlineData("action=Hacked", "action")]
    [InlineData("from=2026-05-02&to=2026-05-01", "to")]
    [InlineData("beforeId=0", "beforeId")]
    public async Task Refuse_bad_filters_with_400(string query, string field)
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var problem = await (await secretary.GetAsync($"/t/{tree.ChildA}/api/audit?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrorsEndingWith(field));
    }
}
