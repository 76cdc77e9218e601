using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;
using CommitteeCloud.Web.Features.Dialogues;
using CommitteeCloud.Web.Features.Indicators;
using CommitteeCloud.Web.Platform.Realtime;
using CommitteeCloud.Web.Platform.Tenancy;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommitteeCloud.IntegrationTests.Dialogues;

/// <summary>Đối thoại: questions before and during, follow-up tasks down the tree, minutes that close the record.</summary>
public sealed class DialoguesShould(AppFixture app)
{
    [Fact]
    public async Task Turn_a_question_into_a_task_handed_to_the_responsible_child_unit()
    {
        var tree = await app.CreateTreeAsync();
        var a1 = await app.TenantIdAsync(tree.GrandchildA1);
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        using var staff = await app.ClientForAsync(tree.AStaff);
        using var cell = await app.ClientForAsync(tree.A1Member);
        var dialogue = (await secretary.ScheduleAsync(tree.ChildA)).Id();

        var open = await staff.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/dialogues/open");
        Assert.Contains(open.EnumerateArray(), d => d.Id() == dialogue);
        await staff.PostOkAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/questions/submit", new { content = "Đề nghị bố trí phòng làm việc cho tổ một cửa." });
        var recorded = await secretary.RecordQuestionAsync(tree.ChildA, dialogue, new
        {
            askerKind = "Citizen", askerName = "Bà Hoàng Thị Dân", content = "Đường vào thôn Khuổi Mòn xuống cấp, đề nghị sửa chữa.",
            answer = "Chi bộ A1 khảo sát, báo cáo trong tháng.", answeredOnSpot = false, responsibleTenantId = a1,
        });
        Assert.Equal(2, recorded.GetProperty("number").GetInt32());
        Assert.StartsWith("Chi bộ A1", recorded.Str("responsibleUnitName"));
        await secretary.HoldAsync(tree.ChildA, dialogue);

        var due = DialogueApi.Today.AddDays(30);
        var followUp = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/follow-ups",
            new { questionId = recorded.Id(), title = "Khảo sát, sửa chữa đường vào thôn Khuổi Mòn", dueDate = due.ToString("yyyy-MM-dd") }).OkJsonAsync();
        var taskId = followUp.GetProperty("taskId").GetGuid();

        var task = await secretary.TaskAsync(tree.ChildA, taskId);
        Assert.Equal("Dialogue", task.Str("origin"));
        Assert.Equal(due.ToString("yyyy-MM-dd"), task.Str("dueDate"));
        Assert.Contains("Khuổi Mòn", task.Str("content"));
        Assert.Equal(a1, task.GetProperty("handoffs")[0].GetProperty("recipientTenantId").GetGuid());
        var cellTasks = await cell.TasksAsync(tree.GrandchildA1);
        Assert.Contains(cellTasks.GetProperty("items").EnumerateArray(), t => t.Str("title") == "Khảo sát, sửa chữa đường vào thôn Khuổi Mòn");

        var detail = await secretary.DialogueAsync(tree.ChildA, dialogue);
        var linked = detail.GetProperty("questions")[1].GetProperty("followUp");
        Assert.Equal(taskId, linked.GetProperty("taskId").GetGuid());
        Assert.Equal("InProgress", linked.Str("state"));
        Assert.Equal("OnTime", linked.Str("timeliness"));
        Assert.Contains(linked.GetProperty("handedTo").EnumerateArray(), n => n.GetString()!.StartsWith("Chi bộ A1", StringComparison.Ordinal));
        Assert.Equal("Người dùng " + tree.AStaff, detail.GetProperty("questions")[0].Str("asker"));
    }

    [Fact]
    public async Task Keep_no_trace_of_who_sent_an_anonymous_question()
    {
        var tree = await app.CreateTreeAsync();
        var tenantA = await app.TenantIdAsync(tree.ChildA);
        var staffId = await app.UserIdAsync(tree.AStaff);
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        using var staff = await app.ClientForAsync(tree.AStaff);
        var dialogue = (await secretary.ScheduleAsync(tree.ChildA)).Id();

        var sent = await staff.PostOkAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/questions/submit",
            new { content = "Việc bình xét thi đua cuối năm chưa công khai.", anonymous = true });
        Assert.True(sent.GetProperty("anonymous").GetBoolean());

        var question = (await secretary.DialogueAsync(tree.ChildA, dialogue)).GetProperty("questions")[0];
        Assert.Equal("Ẩn danh", question.Str("asker"));
        Assert.Equal("Anonymous", question.Str("askerKind"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>(
            $"SELECT count(*) FROM dialogue_questions WHERE id = '{sent.Id()}' AND (asker_user_id IS NOT NULL OR asker_name IS NOT NULL)"));
        Assert.Equal(1L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM dialogue_questions WHERE id = '{sent.Id()}' AND asker_kind = 'Anonymous'"));
        // Nor in the audit trail or the outbox: nothing written by the submission names the staff member.
        Assert.Equal(0L, await app.AdminScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE tenant_id = '{tenantA}' AND operation = 'SubmitDialogueQuestionCommand' AND (user_id IS NOT NULL OR trace_id IS NOT NULL OR changes::text LIKE '%{staffId}%')"));
        Assert.True(await app.AdminScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE tenant_id = '{tenantA}' AND operation = 'SubmitDialogueQuestionCommand'") > 0);
        Assert.Equal(0L, await app.AdminScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%{dialogue}%' AND actor_user_id = '{staffId}'"));
    }

    [Fact]
    public async Task Refuse_any_question_change_once_the_minutes_are_issued()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        using var staff = await app.ClientForAsync(tree.AStaff);
        var dialogue = (await secretary.ScheduleAsync(tree.ChildA)).Id();
        var question = await secretary.RecordQuestionAsync(tree.ChildA, dialogue, new { askerKind = "Anonymous", content = "Câu hỏi ban đầu" });
        await secretary.HoldAsync(tree.ChildA, dialogue);
        var issued = await secretary.PostOkAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/minutes");
        Assert.Equal("MinutesIssued", issued.Str("status"));

        var edit = await secretary.PutAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/questions/{question.Id()}",
            new { content = "Câu hỏi đã sửa", answer = "Trả lời muộn" });
        Assert.NotEmpty((await edit.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("content"));
        var added = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/questions", new { askerKind = "Anonymous", content = "Thêm sau" });
        Assert.NotEmpty((await added.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("content"));
        var submitted = await staff.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/questions/submit", new { content = "Gửi muộn" });
        Assert.NotEmpty((await submitted.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("dialogueId"));
        var followUp = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/follow-ups",
            new { questionId = question.Id(), title = "Việc muộn", dueDate = DialogueApi.Today.AddDays(5).ToString("yyyy-MM-dd") });
        Assert.NotEmpty((await followUp.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("questionId"));

        var detail = await secretary.DialogueAsync(tree.ChildA, dialogue);
        Assert.Equal(1, detail.GetProperty("questions").GetArrayLength());
        Assert.Equal("Câu hỏi ban đầu", detail.GetProperty("questions")[0].Str("content"));
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("questions")[0].GetProperty("answer").ValueKind);
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM tasks WHERE title = 'Việc muộn' AND tenant_id = '{await app.TenantIdAsync(tree.ChildA)}'"));
    }

    [Fact]
    public async Task Export_the_minutes_as_a_word_document_in_the_administrative_layout()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var dialogue = (await secretary.ScheduleAsync(tree.ChildA, title: "Đối thoại về cải cách hành chính")).Id();
        var question = await secretary.RecordQuestionAsync(tree.ChildA, dialogue, new
        {
            askerKind = "Citizen", askerName = "Ông Lăng Văn Hỏi", content = "Thủ tục cấp giấy chứng nhận còn chậm.",
            answer = "Sẽ rút ngắn còn 10 ngày làm việc.", answeredOnSpot = true, responsibleUnitName = "Văn phòng đăng ký đất đai",
        });
        await secretary.HoldAsync(tree.ChildA, dialogue);
        await secretary.PostOkAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/follow-ups",
            new { questionId = question.Id(), title = "Rút ngắn thời gian cấp giấy chứng nhận", dueDate = DialogueApi.Today.AddDays(20).ToString("yyyy-MM-dd") });
        await secretary.PostOkAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/minutes");

        var response = await secretary.GetAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/minutes.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DialogueMinutesHandler.ContentType, response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var text = string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("ĐẢNG ỦY XÃ A", text);
        Assert.Contains("TỈNH ỦY THỬ NGHIỆM", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains($"Hội trường cơ quan, ngày {DialogueApi.Today.Day:00} tháng {DialogueApi.Today.Month:00} năm {DialogueApi.Today.Year}", text);
        Assert.Contains("BIÊN BẢN ĐỐI THOẠI", text);
        Assert.Contains("Đối thoại về cải cách hành chính", text);
        Assert.Contains("Nguyễn Văn Chủ Trì", text);
        Assert.Contains("Toàn thể cán bộ, công chức", text);
        Assert.Contains("Ông Lăng Văn Hỏi: Thủ tục cấp giấy chứng nhận còn chậm.", text);
        Assert.Contains("Sẽ rút ngắn còn 10 ngày làm việc. (trả lời tại chỗ)", text);
        Assert.Contains("Rút ngắn thời gian cấp giấy chứng nhận", text);
        Assert.Contains("Thống nhất giao các đơn vị giải quyết kiến nghị.", text);
        Assert.Contains("CHỦ TRÌ", text);
        Assert.DoesNotContain("(Dự thảo)", text);
    }

    [Fact]
    public async Task Flag_a_unit_without_a_staff_dialogue_this_year_to_itself_and_its_parent_until_it_holds_one()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        async Task<bool> FlaggedAsync(HttpClient client, string tenant) =>
            (await client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/tree/staff-dialogue-coverage")).GetProperty("withoutDialogue")
                .EnumerateArray().Any(u => u.Str("code") == tree.ChildA);

        Assert.True(await FlaggedAsync(supervisor, tree.Root));
        Assert.True(await FlaggedAsync(secretary, tree.ChildA));
        Assert.False((await secretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/dialogues")).GetProperty("staffDialogueHeldThisYear").GetBoolean());

        // A dialogue with citizens, or one with staff only scheduled, does not count.
        await secretary.HoldAsync(tree.ChildA, (await secretary.ScheduleAsync(tree.ChildA, kind: "WithCitizens", title: "Đối thoại với Nhân dân")).Id());
        var staffDialogue = (await secretary.ScheduleAsync(tree.ChildA)).Id();
        Assert.True(await FlaggedAsync(supervisor, tree.Root));

        await secretary.HoldAsync(tree.ChildA, staffDialogue);
        await Eventually.ValueAsync(() => FlaggedAsync(supervisor, tree.Root), flagged => !flagged);
        Assert.False(await FlaggedAsync(secretary, tree.ChildA));
        var list = await secretary.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/dialogues");
        Assert.True(list.GetProperty("staffDialogueHeldThisYear").GetBoolean());
        // Its sibling is still flagged to the parent.
        var coverage = await supervisor.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/tree/staff-dialogue-coverage");
        Assert.Contains(coverage.GetProperty("withoutDialogue").EnumerateArray(), u => u.Str("code") == tree.ChildB);
    }

    [Fact]
    public async Task Show_a_question_sent_by_staff_live_on_the_officer_s_page()
    {
        var tree = await app.CreateTreeAsync();
        var tenantA = await app.TenantIdAsync(tree.ChildA);
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        using var staff = await app.ClientForAsync(tree.AStaff);
        var dialogue = (await secretary.ScheduleAsync(tree.ChildA)).Id();
        await using var hub = await app.ConnectHubAsync(tree.ASecretary);
        await hub.InvokeAsync<JoinedTenant>("JoinTenant", tree.ChildA);
        var seen = new TaskCompletionSource<LiveTenantEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => { if (e.Type == DialogueLive.DialogueChangedEvent && e.EntityId == dialogue) seen.TrySetResult(e); });

        await staff.PostOkAsync($"/t/{tree.ChildA}/api/dialogues/{dialogue}/questions/submit", new { content = "Câu hỏi gửi trực tuyến" });

        var received = await Eventually.WithinAsync(seen);
        Assert.Equal(tenantA, received.TenantId);
    }

    [Fact]
    public async Task Count_the_unit_s_dialogues_and_questions_as_indicators()
    {
        var tree = await app.CreateTreeAsync();
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var staffDialogue = (await secretary.ScheduleAsync(tree.ChildA)).Id();
        await secretary.RecordQuestionAsync(tree.ChildA, staffDialogue, new { askerKind = "Anonymous", content = "Một", answer = "Đã trả lời", answeredOnSpot = true });
        await secretary.RecordQuestionAsync(tree.ChildA, staffDialogue, new { askerKind = "Anonymous", content = "Hai" });
        await secretary.HoldAsync(tree.ChildA, staffDialogue);
        await secretary.HoldAsync(tree.ChildA, (await secretary.ScheduleAsync(tree.ChildA, kind: "WithCitizens", title: "Với Nhân dân")).Id());
        await secretary.ScheduleAsync(tree.ChildA, kind: "WithCitizens", title: "Chưa tổ chức");

        await using var scope = app.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantStore>().FindByCodeAsync(tree.ChildA);
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant, null);
        var figures = await scope.ServiceProvider.GetServices<IIndicatorSource>().OfType<DialogueIndicators>().Single()
            .CountAsync(new DateOnly(DialogueApi.Today.Year, 1, 1), new DateOnly(DialogueApi.Today.Year, 12, 31), CancellationToken.None);
        Assert.Equal(2, figures[DialogueIndicators.Held]);
        Assert.Equal(1, figures[DialogueIndicators.HeldWithStaff]);
        Assert.Equal(1, figures[DialogueIndicators.HeldWithCitizens]);
        Assert.Equal(2, figures[DialogueIndicators.Questions]);
        Assert.Equal(1, figures[DialogueIndicators.QuestionsAnswered]);
    }

    [Fact]
    public async Task Refuse_scheduling_to_staff_without_the_permission_but_let_them_send_questions()
    {
        var tree = await app.CreateTreeAsync();
        using var staff = await app.ClientForAsync(tree.AStaff);
        var response = await staff.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues",
            new { kind = "WithStaff", dialogue = new { title = "x", date = "2026-05-05", place = "x", chairName = "x" } });
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/t/{tree.ChildA}/api/dialogues")).StatusCode);
    }
}
