namespace CommitteeCloud.IntegrationTests.Api;

/// <summary>
/// Every tenant endpoint, called on tenant A by people who are not members of A (a sibling, a child, the parent,
/// a stranger from another tree) and by nobody: they get 404/401 and learn nothing, and nothing is written.
/// </summary>
public sealed class IsolationMatrixShould(AppFixture app)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/tenant" },
        { "GET", "/api/members" },
        { "POST", "/api/members" },
        { "GET", "/api/roles" },
        { "PUT", "/api/roles/01a2046e-6c5b-7a31-9f1a-1d2e3f4a5b6c" },
        { "GET", "/api/audit" },
        { "GET", "/api/permissions" },
        { "GET", "/api/tree" },
        { "GET", "/api/tree/leader-coverage" },
        { "GET", "/api/tree/ancestors" },
        { "GET", "/api/dashboard" },
        { "GET", "/api/dashboard/units?ids=01a2046e-6c5b-7a31-9f1a-1d2e3f4a5b6c" },
        { "GET", "/api/dashboard/units/{a1}" },
        { "POST", "/api/tenants" },
        { "PUT", "/api/tenants/{a1}" },
        { "POST", "/api/tenants/{a1}/suspend" },
        { "POST", "/api/tenants/{a1}/reactivate" },
        { "POST", "/api/tenants/{a1}/move" },
        { "PUT", "/api/members/{aMember}" },
        { "DELETE", "/api/members/{aMember}" },
        { "GET", "/api/leader-assignments" },
        { "POST", "/api/leader-assignments" },
        { "GET", "/api/files/limits" },
        { "POST", "/api/files" },
        { "GET", "/api/files/{aFile}" },
        { "GET", "/api/files/{aFile}/meta" },
        { "GET", "/api/directives" },
        { "POST", "/api/directives" },
        { "GET", "/api/directives/recipient-options" },
        { "GET", "/api/directives/{aDirective}" },
        { "PUT", "/api/directives/{aDirective}" },
        { "POST", "/api/directives/{aDirective}/split-points" },
        { "POST", "/api/directives/{aDirective}/points" },
        { "PUT", "/api/directives/{aDirective}/points/{aTask}" },
        { "DELETE", "/api/directives/{aDirective}/points/{aTask}" },
        { "POST", "/api/directives/{aDirective}/issue" },
        { "POST", "/api/directives/{aDirective}/withdraw" },
        { "GET", "/api/tasks" },
        { "POST", "/api/tasks" },
        { "GET", "/api/tasks/{aTask}" },
        { "PUT", "/api/tasks/{aTask}" },
        { "GET", "/api/tasks/{aTask}/cascade" },
        { "POST", "/api/tasks/{aTask}/acknowledge" },
        { "POST", "/api/tasks/{aTask}/reject" },
        { "POST", "/api/tasks/{aTask}/progress" },
        { "POST", "/api/tasks/{aTask}/result" },
        { "POST", "/api/tasks/{aTask}/complete" },
        { "POST", "/api/tasks/{aTask}/pause" },
        { "POST", "/api/tasks/{aTask}/resume" },
        { "POST", "/api/tasks/{aTask}/cancel" },
        { "POST", "/api/tasks/{aTask}/notes" },
        { "POST", "/api/tasks/{aTask}/explanation" },
        { "POST", "/api/tasks/{aTask}/handoffs" },
        { "POST", "/api/tasks/{aTask}/handoffs/{aHandoff}/decision" },
        { "POST", "/api/task-nodes/{aTask}/explanation-requests" },
        { "GET", "/api/plans" },
        { "POST", "/api/plans" },
        { "GET", "/api/plans/indicators" },
        { "GET", "/api/plans/{aPlan}" },
        { "PUT", "/api/plans/{aPlan}" },
        { "POST", "/api/plans/{aPlan}/copy" },
        { "POST", "/api/plans/{aPlan}/issue" },
        { "PUT", "/api/plans/{aPlan}/targets/{aTarget}/actual" },
        { "POST", "/api/plans/{aPlan}/reviews" },
        { "GET", "/api/plans/{aPlan}/reviews/{aReview}" },
        { "PUT", "/api/plans/{aPlan}/reviews/{aReview}" },
        { "POST", "/api/plans/{aPlan}/reviews/{aReview}/refresh" },
        { "POST", "/api/plans/{aPlan}/reviews/{aReview}/issue" },
        { "GET", "/api/commitment-rounds" },
        { "POST", "/api/commitment-rounds" },
        { "GET", "/api/commitment-rounds/{aRound}" },
        { "POST", "/api/commitment-rounds/{aRound}/slots/{aSlot}/decision" },
        { "GET", "/api/commitments" },
        { "GET", "/api/commitments/{aCommitment}" },
        { "PUT", "/api/commitments/{aCommitment}" },
        { "POST", "/api/commitments/{aCommitment}/results" },
        { "GET", "/api/models" },
        { "POST", "/api/models" },
        { "GET", "/api/models/funnel" },
        { "GET", "/api/models/{aModel}" },
        { "POST", "/api/models/{aModel}/progress" },
        { "POST", "/api/models/{aModel}/drop" },
        { "POST", "/api/models/{aModel}/continue" },
        { "POST", "/api/models/{a1Model}/survey" },
        { "POST", "/api/models/{a1Model}/decision" },
        { "POST", "/api/models/{a1Model}/replicate" },
        { "GET", "/api/dialogues" },
        { "POST", "/api/dialogues" },
        { "GET", "/api/dialogues/open" },
        { "GET", "/api/dialogues/{aDialogue}" },
        { "PUT", "/api/dialogues/{aDialogue}" },
        { "POST", "/api/dialogues/{aDialogue}/hold" },
        { "POST", "/api/dialogues/{aDialogue}/minutes" },
        { "POST", "/api/dialogues/{aDialogue}/cancel" },
        { "POST", "/api/dialogues/{aDialogue}/questions" },
        { "POST", "/api/dialogues/{aDialogue}/questions/submit" },
        { "PUT", "/api/dialogues/{aDialogue}/questions/{aQuestion}" },
        { "POST", "/api/dialogues/{aDialogue}/follow-ups" },
        { "PUT", "/api/dialogues/{aDialogue}/conference" },
        { "GET", "/api/dialogues/{aDialogue}/minutes.docx" },
        { "GET", "/api/tree/staff-dialogue-coverage" },
        { "POST", "/api/suggestions" },
        { "GET", "/api/suggestions/mine" },
        { "POST", "/api/suggestions/lookup" },
        { "GET", "/api/suggestions/published" },
        { "GET", "/api/suggestions/board" },
        { "GET", "/api/suggestions/responsibles" },
        { "GET", "/api/suggestions/{aSuggestion}" },
        { "POST", "/api/suggestions/{aSuggestion}/route" },
        { "POST", "/api/suggestions/{aSuggestion}/answer" },
        { "POST", "/api/suggestions/{aSuggestion}/publish" },
        { "POST", "/api/suggestions/{aSuggestion}/close" },
        { "GET", "/api/audit.xlsx" },
        { "GET", "/api/audit?unit={a1}" },
        { "GET", "/api/indices" },
        { "POST", "/api/indices" },
        { "PUT", "/api/indices/{aIndex}" },
        { "DELETE", "/api/indices/{aIndex}" },
        { "GET", "/api/training-courses" },
        { "POST", "/api/training-courses" },
        { "GET", "/api/training-courses/{aCourse}" },
        { "PUT", "/api/training-courses/{aCourse}" },
        { "DELETE", "/api/training-courses/{aCourse}" },
        { "GET", "/api/review-templates" },
        { "POST", "/api/review-templates" },
        { "GET", "/api/review-templates/shipped/100-diem-10-tieu-chi" },
        { "GET", "/api/review-templates/{aTemplate}" },
        { "PUT", "/api/review-templates/{aTemplate}" },
        { "GET", "/api/review-cycles" },
        { "POST", "/api/review-cycles" },
        { "GET", "/api/review-cycles/{aCycle}" },
        { "GET", "/api/review-cycles/{aCycle}/units/{aUnit}" },
        { "POST", "/api/review-cycles/{aCycle}/units/{aUnit}/adjustments" },
        { "PUT", "/api/review-cycles/{aCycle}/units/{aUnit}/not-eligible" },
        { "PUT", "/api/review-cycles/{aCycle}/appraisers" },
        { "POST", "/api/review-cycles/{aCycle}/finalize" },
        { "POST", "/api/review-cycles/{aCycle}/publish" },
        { "POST", "/api/review-cycles/{aCycle}/reopen" },
        { "GET", "/api/review-cycles/{aCycle}/ranking.xlsx" },
        { "GET", "/api/review-cycles/{aCycle}/units/{aUnit}/sheet.docx" },
        { "GET", "/api/self-assessments/{aSelf}/sheet.docx" },
        { "GET", "/api/self-assessments" },
        { "GET", "/api/self-assessments/{aSelf}" },
        { "PUT", "/api/self-assessments/{aSelf}" },
        { "POST", "/api/self-assessments/{aSelf}/submit" },
        { "POST", "/api/self-assessments/{aSelf}/withdraw" },
        { "GET", "/api/report-templates" },
        { "POST", "/api/report-templates" },
        { "GET", "/api/report-templates/{aTemplate}" },
        { "PUT", "/api/report-templates/{aTemplate}" },
        { "GET", "/api/report-indicators" },
        { "GET", "/api/report-requests" },
        { "POST", "/api/report-requests" },
        { "GET", "/api/report-requests/{aRequest}" },
        { "POST", "/api/report-requests/{aRequest}/slots/{aReportSlot}/return" },
        { "GET", "/api/report-requests/{aRequest}/slots/{aReportSlot}/report.docx" },
        { "GET", "/api/report-requests/{aRequest}/aggregate.xlsx" },
        { "GET", "/api/reports" },
        { "GET", "/api/reports/{aReport}" },
        { "PUT", "/api/reports/{aReport}" },
        { "POST", "/api/reports/{aReport}/approve" },
        { "POST", "/api/reports/{aReport}/submit" },
        { "POST", "/api/reports/{aReport}/forward" },
        { "GET", "/api/reports/{aReport}/report.docx" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_sibling_tenant_member(string method, string path) =>
        await AssertOutsiderRefused(t => t.BSecretary, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_child_tenant_member(string method, string path) =>
        await AssertOutsiderRefused(t => t.A1Member, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_parent_secretary_who_is_not_a_member(string method, string path) =>
        await AssertOutsiderRefused(t => t.RootSecretary, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_404_to_a_stranger_from_another_tree(string method, string path) =>
        await AssertOutsiderRefused(t => t.Stranger, method, path, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Answer_401_to_an_anonymous_caller(string method, string path) =>
        await AssertOutsiderRefused(null, method, path, HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("POST", "/api/members")]
    [InlineData("PUT", "/api/roles/01a2046e-6c5b-7a31-9f1a-1d2e3f4a5b6c")]
    [InlineData("GET", "/api/tree")]
    [InlineData("GET", "/api/tree/leader-coverage")]
    [InlineData("GET", "/api/dashboard")]
    [InlineData("GET", "/api/dashboard/units?ids=01a2046e-6c5b-7a31-9f1a-1d2e3f4a5b6c")]
    [InlineData("GET", "/api/dashboard/units/{a1}")]
    [InlineData("POST", "/api/tenants")]
    [InlineData("PUT", "/api/tenants/{a1}")]
    [InlineData("POST", "/api/tenants/{a1}/suspend")]
    [InlineData("POST", "/api/tenants/{a1}/move")]
    [InlineData("PUT", "/api/members/{aMember}")]
    [InlineData("DELETE", "/api/members/{aMember}")]
    [InlineData("POST", "/api/leader-assignments")]
    [InlineData("POST", "/api/plans")]
    [InlineData("PUT", "/api/plans/{aPlan}")]
    [InlineData("POST", "/api/plans/{aPlan}/issue")]
    [InlineData("POST", "/api/plans/{aPlan}/reviews")]
    [InlineData("POST", "/api/dialogues")]
    [InlineData("POST", "/api/dialogues/{aDialogue}/questions")]
    [InlineData("PUT", "/api/dialogues/{aDialogue}/conference")]
    [InlineData("POST", "/api/dialogues/{aDialogue}/minutes")]
    [InlineData("GET", "/api/tree/staff-dialogue-coverage")]
    [InlineData("GET", "/api/suggestions/board")]
    [InlineData("GET", "/api/suggestions/responsibles")]
    [InlineData("POST", "/api/suggestions/{aSuggestion}/route")]
    [InlineData("POST", "/api/suggestions/{aSuggestion}/answer")]
    [InlineData("POST", "/api/suggestions/{aSuggestion}/publish")]
    [InlineData("POST", "/api/suggestions/{aSuggestion}/close")]
    [InlineData("GET", "/api/audit")]
    [InlineData("GET", "/api/audit.xlsx")]
    [InlineData("POST", "/api/indices")]
    [InlineData("PUT", "/api/indices/{aIndex}")]
    [InlineData("DELETE", "/api/indices/{aIndex}")]
    [InlineData("POST", "/api/training-courses")]
    [InlineData("PUT", "/api/training-courses/{aCourse}")]
    [InlineData("DELETE", "/api/training-courses/{aCourse}")]
    [InlineData("GET", "/api/review-templates")]
    [InlineData("POST", "/api/review-templates")]
    [InlineData("POST", "/api/review-cycles")]
    [InlineData("GET", "/api/review-cycles/{aCycle}")]
    [InlineData("POST", "/api/review-cycles/{aCycle}/units/{aUnit}/adjustments")]
    [InlineData("POST", "/api/review-cycles/{aCycle}/finalize")]
    [InlineData("POST", "/api/review-cycles/{aCycle}/reopen")]
    [InlineData("GET", "/api/self-assessments")]
    [InlineData("PUT", "/api/self-assessments/{aSelf}")]
    [InlineData("POST", "/api/self-assessments/{aSelf}/submit")]
    [InlineData("POST", "/api/report-templates")]
    [InlineData("GET", "/api/report-requests")]
    [InlineData("POST", "/api/report-requests")]
    [InlineData("POST", "/api/report-requests/{aRequest}/slots/{aReportSlot}/return")]
    [InlineData("GET", "/api/reports/{aReport}")]
    [InlineData("PUT", "/api/reports/{aReport}")]
    [InlineData("POST", "/api/reports/{aReport}/approve")]
    [InlineData("POST", "/api/reports/{aReport}/submit")]
    [InlineData("POST", "/api/reports/{aReport}/forward")]
    public async Task Answer_403_to_a_member_without_the_permission(string method, string path)
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.AStaff);
        var response = await SendAsync(client, method, $"/t/{tree.ChildA}{await ResolveAsync(tree, path)}");
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("POST", "/api/tenants/{a}/suspend")]
    [InlineData("PUT", "/api/tenants/{a}")]
    [InlineData("POST", "/api/leader-assignments")]
    public async Task Let_an_ancestor_s_supervisor_read_but_never_write_below(string method, string path)
    {
        var tree = await app.CreateTreeAsync();
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/t/{tree.Root}/api/tree")).StatusCode);
        var response = await SendAsync(supervisor, method, $"/t/{tree.Root}{await ResolveAsync(tree, path)}");
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>Fills placeholders with the tree's own codes and ids: a real target, so only access decides.</summary>
    private async Task<string> ResolveAsync(TestTree tree, string path)
    {
        if (path.Contains("{aMember}", StringComparison.Ordinal))
        {
            var id = await app.AdminScalarAsync<string>(
                $"SELECT m.id::text FROM memberships m JOIN tenants t ON t.id = m.tenant_id JOIN users u ON u.id = m.user_id WHERE t.code = '{tree.ChildA}' AND u.user_name = '{tree.ASecretary}'");
            path = path.Replace("{aMember}", id, StringComparison.Ordinal);
        }
        if (path.Contains("{aFile}", StringComparison.Ordinal))
        {
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            var uploaded = await secretary.PostAsync($"/t/{tree.ChildA}/api/files", FileForm());
            uploaded.EnsureSuccessStatusCode();
            var id = (await uploaded.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
            path = path.Replace("{aFile}", id, StringComparison.Ordinal);
        }
        if (path.Contains("{aTask}", StringComparison.Ordinal) || path.Contains("{aDirective}", StringComparison.Ordinal))
        {
            // A's own task handed to its cell, and a draft directive with one point: real ids in A for outsiders to try.
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            var a1 = await app.TenantIdAsync(tree.GrandchildA1);
            var task = await (await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/tasks",
                new { task = new { title = "Nhiệm vụ nội bộ của xã A", leadTenantIds = new[] { a1 } } })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            var directive = await (await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/directives",
                new { directive = new { kind = "Plan", number = "1-KH/ĐU", issuingBody = "Đảng ủy xã A", subject = "Kế hoạch nội bộ", body = "1. Điểm một.", recipientTenantIds = new[] { a1 } }, splitPoints = true }))
                .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            path = path.Replace("{aTask}", path.Contains("/points/", StringComparison.Ordinal)
                    ? directive.GetProperty("points")[0].GetProperty("taskId").GetString()! : task.GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aDirective}", directive.GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aHandoff}", task.GetProperty("handoffs")[0].GetProperty("id").GetString()!, StringComparison.Ordinal);
        }
        if (path.Contains("{aPlan}", StringComparison.Ordinal))
        {
            // A's plan for this year, issued (its one activity is its own task) and reviewed at mid-year: real ids in A.
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            var year = DateTime.UtcNow.AddHours(7).Year;
            var created = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/plans", new
            {
                plan = new
                {
                    year, title = $"Kế hoạch công tác dân vận năm {year}", targets = new[] { new { name = "Chỉ số PAPI", unit = "hạng", targetValue = 10, kind = "Rank" } },
                    activities = new[] { new { title = "Đối thoại với Nhân dân", from = $"{year}-03-01", to = $"{year}-12-31" } },
                },
            });
            created.EnsureSuccessStatusCode();
            var plan = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            var planId = plan.GetProperty("id").GetString()!;
            (await secretary.PostAsync($"/t/{tree.ChildA}/api/plans/{planId}/issue", null)).EnsureSuccessStatusCode();
            var review = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/plans/{planId}/reviews", new { kind = "MidYear" });
            review.EnsureSuccessStatusCode();
            path = path.Replace("{aPlan}", planId, StringComparison.Ordinal)
                .Replace("{aTarget}", plan.GetProperty("targets")[0].GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aReview}", (await review.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!, StringComparison.Ordinal);
        }
        if (path.Contains("{aRound}", StringComparison.Ordinal) || path.Contains("{aCommitment}", StringComparison.Ordinal)
            || path.Contains("{aModel}", StringComparison.Ordinal) || path.Contains("{a1Model}", StringComparison.Ordinal))
        {
            // A's round for its cell, A's own registration asked by the province, A's model and its cell's model.
            using var root = await app.ClientForAsync(tree.RootSecretary);
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            using var cell = await app.ClientForAsync(tree.A1Member);
            var (a, a1) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.GrandchildA1));
            var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd");
            async Task<System.Text.Json.JsonElement> Ok(Task<HttpResponseMessage> call)
            {
                var response = await call;
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            }
            var round = await Ok(secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/commitment-rounds",
                new { year = 2026, title = "Đăng ký thi đua chi bộ", deadline, childTenantIds = new[] { a1 } }));
            await Ok(root.PostAsJsonAsync($"/t/{tree.Root}/api/commitment-rounds", new { year = 2026, title = "Đăng ký thi đua", deadline, childTenantIds = new[] { a } }));
            var commitment = (await Ok(secretary.GetAsync($"/t/{tree.ChildA}/api/commitments")))[0].GetProperty("id").GetString()!;
            var model = await Ok(secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/models", new { year = 2026, name = "Mô hình của xã A", field = "Economy" }));
            var cellModel = await Ok(cell.PostAsJsonAsync($"/t/{tree.GrandchildA1}/api/models", new { year = 2026, name = "Mô hình của chi bộ A1", field = "Economy" }));
            path = path.Replace("{aRound}", round.GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aSlot}", round.GetProperty("slots")[0].GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aCommitment}", commitment, StringComparison.Ordinal)
                .Replace("{aModel}", model.GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{a1Model}", cellModel.GetProperty("id").GetString()!, StringComparison.Ordinal);
        }
        if (path.Contains("{aDialogue}", StringComparison.Ordinal))
        {
            // A's staff conference, scheduled, with one question recorded.
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            var dialogue = await (await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues", new
            {
                kind = "StaffConference",
                dialogue = new { title = "Hội nghị cán bộ xã A", date = DateTime.UtcNow.ToString("yyyy-MM-dd"), place = "Hội trường xã A", chairName = "Chủ tịch xã A" },
            })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            var dialogueId = dialogue.GetProperty("id").GetString()!;
            var question = await (await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/dialogues/{dialogueId}/questions",
                new { askerKind = "Citizen", askerName = "Công dân xã A", content = "Câu hỏi nội bộ" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            path = path.Replace("{aDialogue}", dialogueId, StringComparison.Ordinal)
                .Replace("{aQuestion}", question.GetProperty("id").GetString()!, StringComparison.Ordinal);
        }
        if (path.Contains("{aTemplate}", StringComparison.Ordinal) || path.Contains("{aRequest}", StringComparison.Ordinal)
            || path.Contains("{aReport}", StringComparison.Ordinal))
        {
            // A's template and its request to its cell (submitted there), and A's own report asked by the province.
            using var root = await app.ClientForAsync(tree.RootSecretary);
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            using var cell = await app.ClientForAsync(tree.A1Member);
            var (a, a1) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.GrandchildA1));
            async Task<System.Text.Json.JsonElement> Ok(Task<HttpResponseMessage> call)
            {
                var response = await call;
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            }
            var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd");
            object Template() => new { name = "Mẫu báo cáo", sections = new[] { new { title = "Kết quả" } }, indicators = new[] { new { name = "Số cuộc", unit = "cuộc", rule = "Sum" } } };
            var template = await Ok(secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/report-templates", Template()));
            var request = await Ok(secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/report-requests",
                new { kind = "Annual", year = 2026, deadline, templateId = template.GetProperty("id").GetGuid(), childTenantIds = new[] { a1 } }));
            var rootTemplate = await Ok(root.PostAsJsonAsync($"/t/{tree.Root}/api/report-templates", Template()));
            await Ok(root.PostAsJsonAsync($"/t/{tree.Root}/api/report-requests",
                new { kind = "Annual", year = 2026, deadline, templateId = rootTemplate.GetProperty("id").GetGuid(), childTenantIds = new[] { a } }));
            var report = (await Ok(secretary.GetAsync($"/t/{tree.ChildA}/api/reports")))[0].GetProperty("id").GetString()!;
            path = path.Replace("{aTemplate}", template.GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aRequest}", request.GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aReportSlot}", request.GetProperty("slots")[0].GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aReport}", report, StringComparison.Ordinal);
        }
        if (path.Contains("{aSuggestion}", StringComparison.Ordinal))
        {
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            var sent = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/suggestions",
                new { subject = "Góp ý nội bộ của xã A", content = "Nội dung", category = "Other", anonymous = false });
            sent.EnsureSuccessStatusCode();
            var id = (await sent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
            path = path.Replace("{aSuggestion}", id, StringComparison.Ordinal);
        }
        if (path.Contains("{aIndex}", StringComparison.Ordinal) || path.Contains("{aCourse}", StringComparison.Ordinal))
        {
            // A's PAPI for 2024 and one of its training courses.
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            var value = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/indices", new { kind = "Papi", year = 2024, score = 42.5m, rank = 20, rankedUnits = 63 });
            value.EnsureSuccessStatusCode();
            var course = await secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/training-courses",
                new { course = new { title = "Tập huấn nội bộ xã A", kind = "Training", startsOn = "2026-03-10", endsOn = "2026-03-10", attendees = 30 } });
            course.EnsureSuccessStatusCode();
            path = path.Replace("{aIndex}", (await value.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aCourse}", (await course.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!, StringComparison.Ordinal);
        }
        if (path.Contains("{aTemplate}", StringComparison.Ordinal) || path.Contains("{aCycle}", StringComparison.Ordinal)
            || path.Contains("{aSelf}", StringComparison.Ordinal))
        {
            // A's template and its cycle for its cell, and A's own self-assessment asked by the province.
            using var root = await app.ClientForAsync(tree.RootSecretary);
            using var secretary = await app.ClientForAsync(tree.ASecretary);
            var (a, a1) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.GrandchildA1));
            var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd");
            async Task<System.Text.Json.JsonElement> Ok(Task<HttpResponseMessage> call)
            {
                var response = await call;
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            }
            var template = await Ok(secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/review-templates", new { name = "Bộ tiêu chí xã A", copyOfShipped = "100-diem-10-tieu-chi" }));
            var cycle = await Ok(secretary.PostAsJsonAsync($"/t/{tree.ChildA}/api/review-cycles",
                new { templateId = template.GetProperty("id").GetString(), year = 2026, title = "Đánh giá chi bộ", deadline, childTenantIds = new[] { a1 } }));
            var rootTemplate = await Ok(root.PostAsJsonAsync($"/t/{tree.Root}/api/review-templates", new { name = "Bộ tiêu chí tỉnh", copyOfShipped = "100-diem-10-tieu-chi" }));
            await Ok(root.PostAsJsonAsync($"/t/{tree.Root}/api/review-cycles",
                new { templateId = rootTemplate.GetProperty("id").GetString(), year = 2026, title = "Đánh giá xã", deadline, childTenantIds = new[] { a } }));
            var self = (await Ok(secretary.GetAsync($"/t/{tree.ChildA}/api/self-assessments")))[0].GetProperty("id").GetString()!;
            path = path.Replace("{aTemplate}", template.GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aCycle}", cycle.GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aUnit}", cycle.GetProperty("units")[0].GetProperty("id").GetString()!, StringComparison.Ordinal)
                .Replace("{aSelf}", self, StringComparison.Ordinal);
        }
        return path.Replace("{a1}", tree.GrandchildA1, StringComparison.Ordinal).Replace("{a}", tree.ChildA, StringComparison.Ordinal);
    }

    private async Task AssertOutsiderRefused(Func<TestTree, string>? caller, string method, string path, HttpStatusCode expected)
    {
        var tree = await app.CreateTreeAsync();
        var tenantA = await app.TenantIdAsync(tree.ChildA);
        path = await ResolveAsync(tree, path);
        var before = await WrittenInAsync(tenantA);
        using var client = caller is null ? app.Anonymous() : await app.ClientForAsync(caller(tree));

        foreach (var url in new[] { $"/t/{tree.ChildA}{path}", path })
        {
            using var request = Request(method, url);
            if (url == path) request.Headers.Add("X-Tenant", tree.ChildA);
            var response = await client.SendAsync(request);
            var problem = await response.ShouldBeProblemAsync(expected);
            var body = problem.ToString();
            Assert.DoesNotContain(tree.ASecretary, body);
            Assert.DoesNotContain("Đảng ủy xã A", body);
        }
        Assert.Equal(before, await WrittenInAsync(tenantA));
        Assert.Equal(0L, await app.AdminScalarAsync<long>(
            $"SELECT count(*) FROM tenants WHERE (name = 'Kẻ lạ' AND path <@ (SELECT path FROM tenants WHERE code = '{tree.ChildA}')) OR (code LIKE '%{tree.Suffix}' AND (status = 'Suspended' OR name = 'x'))"));
        Assert.Equal(await app.TenantIdAsync(tree.ChildA), Guid.Parse((await app.AdminScalarAsync<string>($"SELECT parent_id::text FROM tenants WHERE code = '{tree.GrandchildA1}'"))!));
    }

    private Task<long> WrittenInAsync(Guid tenantId) => app.AdminScalarAsync<long>(
        $"SELECT (SELECT count(*) + (SELECT count(*) FROM task_updates WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM directives WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM annual_plans WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM plan_reviews WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM mass_mobilization_models WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM commitment_rounds WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM dialogues WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM dialogue_questions WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM public_index_values WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM training_courses WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM criteria_templates WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM review_cycles WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM self_assessments WHERE tenant_id = '{tenantId}' AND state <> 'Draft') + (SELECT count(*) FROM report_templates WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM report_requests WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM reports WHERE tenant_id = '{tenantId}' AND (state <> 'Draft' OR forwarded_request_id IS NOT NULL OR document_number IS NOT NULL)) + (SELECT count(*) FROM report_slots WHERE tenant_id = '{tenantId}' AND state <> 'Draft') FROM tasks WHERE tenant_id = '{tenantId}') * 1000000000000 + (SELECT count(*) FROM stored_files WHERE tenant_id = '{tenantId}') * 1000000000 + (SELECT count(*) FROM memberships WHERE tenant_id = '{tenantId}') * 1000000 + (SELECT count(*) FROM audit_entries WHERE tenant_id = '{tenantId}') * 1000 + (SELECT count(*) FROM leader_assignments WHERE tenant_id = '{tenantId}') + (SELECT count(*) FROM suggestions WHERE tenant_id = '{tenantId}') * 100 + (SELECT count(*) FROM suggestions WHERE tenant_id = '{tenantId}' AND status <> 'Received') * 10");

    /// <summary>A valid upload: a small PDF in the field <c>file</c>.</summary>
    private static MultipartFormDataContent FileForm() =>
        new() { { new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Guid.NewGuid()}\n%%EOF\n")), "file", "minh-chung.pdf" } };

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) => client.SendAsync(Request(method, url));

    /// <summary>Well-formed bodies, so that validation never answers before access control does.</summary>
    private static HttpRequestMessage Request(string method, string url)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        object? body = (method, url) switch
        {
            ("POST", var u) when u.EndsWith("/api/review-templates", StringComparison.Ordinal) => new { name = "Kẻ lạ", copyOfShipped = "100-diem-10-tieu-chi" },
            ("PUT", var u) when u.Contains("/api/review-templates/", StringComparison.Ordinal) => new
            {
                name = "Kẻ lạ", total = 10, groups = new[] { new { name = "I", criteria = new[] { new { code = "1", title = "Kẻ lạ", maxPoints = 10 } } } },
                bands = new[] { new { name = "Đạt", minScore = 0 } },
            },
            ("POST", var u) when u.EndsWith("/api/review-cycles", StringComparison.Ordinal) => new
            {
                templateId = Guid.CreateVersion7(), year = 2026, title = "Kẻ lạ", deadline = "2030-01-01", childTenantIds = new[] { Guid.CreateVersion7() },
            },
            ("POST", var u) when u.EndsWith("/adjustments", StringComparison.Ordinal) => new { code = "1", score = 1, reason = "Kẻ lạ" },
            ("PUT", var u) when u.EndsWith("/not-eligible", StringComparison.Ordinal) => new { reason = "Kẻ lạ" },
            ("PUT", var u) when u.EndsWith("/appraisers", StringComparison.Ordinal) => new { appraisers = Array.Empty<object>() },
            ("POST", var u) when u.Contains("/api/review-cycles/", StringComparison.Ordinal) && u.EndsWith("/publish", StringComparison.Ordinal) => new { publication = "FullTable" },
            ("POST", var u) when u.EndsWith("/reopen", StringComparison.Ordinal) => new { reason = "Kẻ lạ" },
            ("PUT", var u) when u.Contains("/api/self-assessments/", StringComparison.Ordinal) => new { lines = new[] { new { code = "1", score = 1, explanation = "Kẻ lạ" } } },
            ("POST", var u) when u.EndsWith("/api/members", StringComparison.Ordinal) =>
                new { email = "intruder@test.vn", fullName = "Kẻ lạ", roles = new[] { "Secretary" }, initialPassword = "KiemThu@2026" },
            ("POST", var u) when u.EndsWith("/api/tenants", StringComparison.Ordinal) =>
                new { code = $"intruder-{suffix}", name = "Kẻ lạ", kind = "Cell", levelLabel = "Chi bộ" },
            ("POST", var u) when u.EndsWith("/move", StringComparison.Ordinal) => new { newParentCode = "khong-ton-tai" },
            ("POST", var u) when u.EndsWith("/api/leader-assignments", StringComparison.Ordinal) => new
            {
                decisionNumber = "1-QĐ/ĐU", decisionDate = "2026-01-02", signer = "X", signerCapacity = "Bí thư",
                leaderMembershipId = Guid.CreateVersion7(), position = "Phó Bí thư", scope = "Toàn diện", effectiveFrom = "2026-01-05",
            },
            ("PUT", var u) when u.Contains("/api/roles/", StringComparison.Ordinal) => new { displayName = "x", permissions = Array.Empty<string>(), version = 1 },
            ("PUT", var u) when u.Contains("/api/tenants/", StringComparison.Ordinal) => new { name = "x", kind = "Cell", levelLabel = "x", version = 1 },
            ("PUT", var u) when u.Contains("/api/members/", StringComparison.Ordinal) => new { roles = new[] { "StaffMember" }, position = "x" },
            ("POST", var u) when u.EndsWith("/api/tasks", StringComparison.Ordinal) => new { task = new { title = "Kẻ lạ giao việc" } },
            ("POST", var u) when u.EndsWith("/api/dialogues", StringComparison.Ordinal) => new
            {
                kind = "WithStaff", dialogue = new { title = "Kẻ lạ", date = "2026-05-05", place = "Kẻ lạ", chairName = "Kẻ lạ" },
            },
            ("PUT", var u) when u.Contains("/questions/", StringComparison.Ordinal) => new { content = "Kẻ lạ sửa", answer = "Kẻ lạ" },
            ("POST", var u) when u.EndsWith("/questions/submit", StringComparison.Ordinal) => new { content = "Kẻ lạ hỏi", anonymous = true },
            ("POST", var u) when u.EndsWith("/questions", StringComparison.Ordinal) => new { askerKind = "Anonymous", content = "Kẻ lạ hỏi" },
            ("POST", var u) when u.EndsWith("/follow-ups", StringComparison.Ordinal) => new { title = "Kẻ lạ giao việc", dueDate = "2026-12-31" },
            ("PUT", var u) when u.EndsWith("/conference", StringComparison.Ordinal) => new { headcount = 10, attendance = 9 },
            ("PUT", var u) when u.Contains("/api/dialogues/", StringComparison.Ordinal) => new
            {
                dialogue = new { title = "Kẻ lạ", date = "2026-05-05", place = "Kẻ lạ", chairName = "Kẻ lạ" },
            },
            ("PUT", var u) when u.Contains("/api/tasks/", StringComparison.Ordinal) => new { task = new { title = "Kẻ lạ sửa" }, version = 1 },
            ("POST", var u) when u.EndsWith("/api/directives", StringComparison.Ordinal) => new
            {
                directive = new { kind = "Plan", number = $"9-KH/{suffix}", issuingBody = "Kẻ lạ", subject = "Kẻ lạ" },
            },
            ("PUT", var u) when u.Contains("/points/", StringComparison.Ordinal) => new { task = new { title = "Kẻ lạ sửa" }, version = 1 },
            ("PUT", var u) when u.Contains("/api/directives/", StringComparison.Ordinal) => new
            {
                directive = new { kind = "Plan", number = "9-KH", issuingBody = "Kẻ lạ", subject = "Kẻ lạ" }, version = 1,
            },
            ("POST", var u) when u.EndsWith("/points", StringComparison.Ordinal) => new { title = "Kẻ lạ thêm điểm" },
            ("POST", var u) when u.EndsWith("/withdraw", StringComparison.Ordinal) || u.EndsWith("/reject", StringComparison.Ordinal) => new { reason = "Kẻ lạ" },
            ("POST", var u) when u.EndsWith("/progress", StringComparison.Ordinal) => new { text = "Kẻ lạ", percent = 10 },
            ("POST", var u) when u.EndsWith("/result", StringComparison.Ordinal) || u.EndsWith("/notes", StringComparison.Ordinal)
                || u.EndsWith("/explanation", StringComparison.Ordinal) || u.EndsWith("/explanation-requests", StringComparison.Ordinal) => new { text = "Kẻ lạ" },
            ("POST", var u) when u.EndsWith("/handoffs", StringComparison.Ordinal) => new { leadTenantIds = new[] { Guid.CreateVersion7() } },
            ("POST", var u) when u.Contains("/api/models/", StringComparison.Ordinal) && u.EndsWith("/decision", StringComparison.Ordinal) => new { decision = "typical" },
            ("POST", var u) when u.Contains("/slots/", StringComparison.Ordinal) => new { decision = "reopen", deadline = "2030-01-01", comment = "Kẻ lạ" },
            ("POST", var u) when u.EndsWith("/decision", StringComparison.Ordinal) => new { decision = "cancel" },
            ("POST", var u) when u.EndsWith("/api/plans", StringComparison.Ordinal) => new { plan = new { year = 2031, title = "Kẻ lạ" } },
            ("PUT", var u) when u.EndsWith("/actual", StringComparison.Ordinal) => new { actual = 1 },
            ("PUT", var u) when u.Contains("/reviews/", StringComparison.Ordinal) => new { results = "Kẻ lạ" },
            ("PUT", var u) when u.Contains("/api/plans/", StringComparison.Ordinal) => new { plan = new { year = 2031, title = "Kẻ lạ" }, version = 1 },
            ("POST", var u) when u.EndsWith("/reviews", StringComparison.Ordinal) => new { kind = "YearEnd" },
            ("POST", var u) when u.EndsWith("/api/commitment-rounds", StringComparison.Ordinal) => new
            {
                year = 2026, title = "Kẻ lạ", deadline = "2030-01-01", childTenantIds = new[] { Guid.CreateVersion7() },
            },
            ("PUT", var u) when u.Contains("/api/commitments/", StringComparison.Ordinal) => new
            {
                titleSought = "Kẻ lạ", targets = new[] { new { name = "x", unit = "x", target = 1 } }, models = new[] { new { name = "Kẻ lạ", field = "Economy" } },
            },
            ("POST", var u) when u.EndsWith("/results", StringComparison.Ordinal) => new { actuals = new[] { 1 } },
            ("POST", var u) when u.EndsWith("/api/models", StringComparison.Ordinal) => new { year = 2026, name = "Kẻ lạ", field = "Economy" },
            ("POST", var u) when u.EndsWith("/survey", StringComparison.Ordinal) => new { date = "2026-01-01", findings = "Kẻ lạ", assessment = "Kẻ lạ" },
            ("POST", var u) when u.EndsWith("/drop", StringComparison.Ordinal) => new { comment = "Kẻ lạ" },
            ("POST", var u) when u.EndsWith("/api/suggestions", StringComparison.Ordinal) =>
                new { subject = "Kẻ lạ góp ý", content = "Kẻ lạ", category = "Other", anonymous = true },
            ("POST", var u) when u.EndsWith("/suggestions/lookup", StringComparison.Ordinal) => new { receiptCode = "AAAA-BBBB-CCCC-DDDD" },
            ("POST", var u) when u.Contains("/api/suggestions/", StringComparison.Ordinal) && u.EndsWith("/route", StringComparison.Ordinal) =>
                new { responsibleUserId = Guid.NewGuid() },
            ("POST", var u) when u.Contains("/api/suggestions/", StringComparison.Ordinal) => new { text = "Kẻ lạ" },
            ("POST", var u) when u.EndsWith("/api/indices", StringComparison.Ordinal) => new { kind = "Pci", year = 2023, score = 60m, rank = 30, rankedUnits = 63 },
            ("PUT", var u) when u.Contains("/api/indices/", StringComparison.Ordinal) => new { score = 1m, rank = 63, rankedUnits = 63, note = "Kẻ lạ" },
            ("POST", var u) when u.EndsWith("/api/training-courses", StringComparison.Ordinal) || u.Contains("/api/training-courses/", StringComparison.Ordinal) => new
            {
                course = new { title = "Kẻ lạ", kind = "Training", startsOn = "2026-03-10", endsOn = "2026-03-10", attendees = 1 },
            },
            ("PUT", var u) when u.Contains("/api/training-courses/", StringComparison.Ordinal) => new
            {
                course = new { title = "Kẻ lạ", kind = "Training", startsOn = "2026-03-10", endsOn = "2026-03-10", attendees = 1 },
            },
            ("POST", var u) when u.EndsWith("/api/report-templates", StringComparison.Ordinal) => new
            {
                name = "Kẻ lạ", sections = new[] { new { title = "Kẻ lạ" } }, indicators = new[] { new { name = "x", unit = "x", rule = "Sum" } },
            },
            ("PUT", var u) when u.Contains("/api/report-templates/", StringComparison.Ordinal) => new
            {
                name = "Kẻ lạ", sections = new[] { new { title = "Kẻ lạ" } }, indicators = new[] { new { name = "x", unit = "x", rule = "Sum" } }, version = 1,
            },
            ("POST", var u) when u.EndsWith("/api/report-requests", StringComparison.Ordinal) => new
            {
                kind = "Annual", year = 2030, deadline = "2030-12-31", templateId = Guid.CreateVersion7(), childTenantIds = new[] { Guid.CreateVersion7() },
            },
            ("PUT", var u) when u.Contains("/api/reports/", StringComparison.Ordinal) => new
            {
                sections = new[] { "Kẻ lạ" }, indicators = new[] { new { key = "i1", value = 1 } }, documentNumber = "1-BC/KL",
            },
            ("POST", var u) when u.EndsWith("/forward", StringComparison.Ordinal) => new { deadline = "2030-01-01", childTenantIds = new[] { Guid.CreateVersion7() } },
            ("POST", var u) when u.EndsWith("/approve", StringComparison.Ordinal) || u.EndsWith("/submit", StringComparison.Ordinal) => new { },
            _ => null,
        };
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST" && url.EndsWith("/api/files", StringComparison.Ordinal)) request.Content = FileForm();
        else if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }
}
