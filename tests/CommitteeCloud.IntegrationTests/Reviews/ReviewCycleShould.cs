using System.Collections.Concurrent;
using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;
using CommitteeCloud.Web.Platform.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using MiniExcelLibs;

namespace CommitteeCloud.IntegrationTests.Reviews;

/// <summary>
/// A parent opens a review cycle; its units self-score and submit; the parent's appraiser adjusts with a reason; the
/// cycle is finalized, published and reopened; the units see only what is theirs or published.
/// </summary>
public sealed class ReviewCycleShould(AppFixture app)
{
    [Fact]
    public async Task Carry_a_cycle_from_template_to_published_ranking()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        using var bClient = await app.ClientForAsync(tree.BSecretary);

        var templates = await root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/review-templates");
        Assert.Equal(2, templates.EnumerateArray().Count(t => t.GetProperty("shipped").GetBoolean()));
        var template = await root.CopyTemplateAsync(tree.Root);
        var cycle = await root.OpenCycleAsync(tree.Root, template, a, b);
        var cycleId = cycle.Id();
        Assert.Equal(2, cycle.GetProperty("units").GetArrayLength());

        // Unit A: the sheet is pre-filled from live figures (no leader assignment, no dialogue, no task yet: 0 points).
        var aSheet = await aClient.OnlySelfAssessmentAsync(tree.ChildA);
        var detail = await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/self-assessments/{aSheet}");
        Assert.True(detail.GetProperty("canSubmit").GetBoolean());
        Assert.Equal(0, detail.Line("2", "liveValue"));
        var submitted = await aClient.SubmitAsync(tree.ChildA, aSheet, ReviewApi.Lines(9)).OkJsonAsync();
        Assert.Equal("Submitted", submitted.Str("state"));
        Assert.Equal(68, submitted.GetProperty("current").GetProperty("total").GetDecimal()); // 7 × 9 + 5 bonus

        // Withdraw, edit, resubmit before the deadline.
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/self-assessments/{aSheet}/withdraw");
        await (await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/self-assessments/{aSheet}", ReviewApi.Lines(10))).Content.ReadAsStringAsync();
        await aClient.SubmitAsync(tree.ChildA, aSheet, new { }).OkJsonAsync();

        // B sees nothing of A's sheet before finalization.
        var bSheet = await bClient.OnlySelfAssessmentAsync(tree.ChildB);
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.GetAsync($"/t/{tree.ChildB}/api/self-assessments/{aSheet}")).StatusCode);
        var bDetail = await bClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildB}/api/self-assessments/{bSheet}");
        Assert.DoesNotContain(tree.ChildA, bDetail.ToString());
        Assert.Equal(0, bDetail.GetProperty("publishedRanking").GetArrayLength());

        // The parent's board has A's submission, copied up in the same transaction.
        var board = await root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/review-cycles/{cycleId}");
        var unitA = board.UnitOf(tree.ChildA);
        Assert.Equal("Submitted", unitA.Str("state"));
        Assert.Equal(75, unitA.GetProperty("selfTotal").GetDecimal());
        Assert.Equal("NotSubmitted", board.UnitOf(tree.ChildB).Str("state"));

        // The appraiser lowers criterion 1 with a reason; A sees it.
        var adjusted = await root.PostOkAsync($"/t/{tree.Root}/api/review-cycles/{cycleId}/units/{unitA.Id()}/adjustments",
            new { code = "1", score = 6, reason = "Kế hoạch ban hành sau ngày 31/01, chưa đạt điểm tối đa" });
        Assert.Equal(71, adjusted.GetProperty("current").GetProperty("total").GetDecimal());
        detail = await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/self-assessments/{aSheet}");
        var line = detail.GetProperty("lines").EnumerateArray().Single(l => l.Str("code") == "1");
        Assert.Equal(6, line.GetProperty("appraisedScore").GetDecimal());
        Assert.Equal("Kế hoạch ban hành sau ngày 31/01, chưa đạt điểm tối đa", line.Str("appraisalReason"));

        // The adjustment and its reason are in the parent's audit trail.
        Assert.True(await app.AdminScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE tenant_id = '{await app.TenantIdAsync(tree.Root)}' AND entity_type = 'UnitReview' AND changes::text LIKE '%chưa đạt điểm tối đa%'") >= 1);

        var finalized = await root.PostOkAsync($"/t/{tree.Root}/api/review-cycles/{cycleId}/finalize");
        Assert.Equal("Finalized", finalized.Str("state"));
        var ranking = finalized.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(71, ranking[0].GetProperty("total").GetDecimal());
        Assert.Equal("Hoàn thành tốt nhiệm vụ", ranking[0].Str("band"));
        Assert.Equal(1, ranking[0].GetProperty("rank").GetInt32());
        Assert.Equal("Không hoàn thành nhiệm vụ", ranking[1].Str("band"));

        // A learns its result (not its rank: nothing is published yet); everything is locked.
        detail = await Eventually.ValueAsync(() => aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/self-assessments/{aSheet}"),
            d => d.Str("state") == "Finalized");
        Assert.Equal(71, detail.GetProperty("total").GetDecimal());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("rank").ValueKind);
        var late = await (await aClient.PostAsJsonAsync($"/t/{tree.ChildA}/api/self-assessments/{aSheet}/withdraw", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(late.FieldErrors("state"));
        var locked = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/review-cycles/{cycleId}/units/{unitA.Id()}/adjustments",
            new { code = "3", score = 2, reason = "Sau khi chốt" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(locked.FieldErrors("state"));

        // Published as "own result only": A gets its rank, B never sees the table.
        await root.PostOkAsync($"/t/{tree.Root}/api/review-cycles/{cycleId}/publish", new { publication = "OwnResult" });
        detail = await Eventually.ValueAsync(() => aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/self-assessments/{aSheet}"),
            d => d.Str("publication") == "OwnResult");
        Assert.Equal(1, detail.GetProperty("rank").GetInt32());
        Assert.Equal(0, detail.GetProperty("publishedRanking").GetArrayLength());
        bDetail = await Eventually.ValueAsync(() => bClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildB}/api/self-assessments/{bSheet}"),
            d => d.Str("publication") == "OwnResult");
        Assert.Equal(0, bDetail.GetProperty("publishedRanking").GetArrayLength());
        Assert.DoesNotContain("71", bDetail.GetProperty("publishedRanking").ToString());

        // Published in full: B sees names, totals, bands and ranks, never A's lines or evidence.
        await root.PostOkAsync($"/t/{tree.Root}/api/review-cycles/{cycleId}/publish", new { publication = "FullTable" });
        bDetail = await Eventually.ValueAsync(() => bClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildB}/api/self-assessments/{bSheet}"),
            d => d.Str("publication") == "FullTable");
        Assert.Equal(2, bDetail.GetProperty("publishedRanking").GetArrayLength());
        Assert.DoesNotContain("Kế hoạch ban hành sau", bDetail.ToString());

        // The ranking as .xlsx.
        var xlsx = await root.GetAsync($"/t/{tree.Root}/api/review-cycles/{cycleId}/ranking.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(71, Convert.ToDecimal(rows[0]["Tổng điểm"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Hoàn thành tốt nhiệm vụ", rows[0]["Xếp loại"]);
        Assert.Equal(1, Convert.ToInt32(rows[0]["Xếp hạng"], System.Globalization.CultureInfo.InvariantCulture));

        // A's scored sheet as .docx, with the adjustment's reason and the result.
        var docx = await root.GetAsync($"/t/{tree.Root}/api/review-cycles/{cycleId}/units/{unitA.Id()}/sheet.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Điều chỉnh: Kế hoạch ban hành sau ngày 31/01, chưa đạt điểm tối đa", text);
        Assert.Contains("Tổng điểm: 71/100. Xếp loại: Hoàn thành tốt nhiệm vụ. Xếp hạng: 1.", text);
    }

    [Fact]
    public async Task Refuse_bad_input_with_the_field_and_write_nothing()
    {
        var tree = await app.CreateTreeAsync();
        var (rootId, a) = (await app.TenantIdAsync(tree.Root), await app.TenantIdAsync(tree.ChildA));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);

        // A template whose maxima do not add up to its total.
        var bad = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/review-templates", new
        {
            name = "Bộ tiêu chí sai", total = 100,
            groups = new[] { new { name = "I", criteria = new[] { new { code = "1", title = "Tiêu chí", maxPoints = 60 } } } },
            bands = new[] { new { name = "Đạt", minScore = 0 } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("không bằng tổng điểm", bad.FieldErrors("total").Single());
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM criteria_templates WHERE tenant_id = '{rootId}'"));

        var template = await root.CopyTemplateAsync(tree.Root);
        var cycle = await root.OpenCycleAsync(tree.Root, template, a);
        var sheet = await aClient.OnlySelfAssessmentAsync(tree.ChildA);

        var above = await (await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/self-assessments/{sheet}", ReviewApi.Lines(11))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("từ 0 đến 10", above.FieldErrors("lines[0].score").Single());
        var below = await (await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/self-assessments/{sheet}", ReviewApi.Lines(-1))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(below.FieldErrors("lines[0].score"));
        var noEvidence = await (await aClient.SubmitAsync(tree.ChildA, sheet, ReviewApi.Lines(8, firstExplanation: null))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("minh chứng hoặc viết giải trình", noEvidence.FieldErrors("lines[0].explanation").Single());
        Assert.Equal("Draft", await app.AdminScalarAsync<string>($"SELECT state FROM self_assessments WHERE id = '{sheet}'"));
        Assert.Equal("NotSubmitted", await app.AdminScalarAsync<string>($"SELECT state FROM unit_reviews WHERE assessment_id = '{sheet}'"));

        var unit = cycle.UnitOf(tree.ChildA).Id();
        var noReason = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/units/{unit}/adjustments", new { code = "1", score = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Hãy nêu lý do điều chỉnh điểm.", noReason.FieldErrors("reason").Single());
        var tooHigh = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/units/{unit}/adjustments", new { code = "1", score = 15, reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(tooHigh.FieldErrors("score"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM unit_reviews WHERE id = '{unit}' AND lines::text LIKE '%appraisedBy\": \"%'"));

        // The deadline passes: the unit can no longer save or submit, even before the lock job runs.
        await app.AdminSqlAsync($"UPDATE self_assessments SET deadline = current_date - 1 WHERE id = '{sheet}'");
        var lateSave = await (await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/self-assessments/{sheet}", ReviewApi.Lines(8))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("hết hạn", lateSave.FieldErrors("deadline").Single());
        var lateSubmit = await (await aClient.SubmitAsync(tree.ChildA, sheet, ReviewApi.Lines(8))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(lateSubmit.FieldErrors("deadline"));
        Assert.Equal("NotSubmitted", await app.AdminScalarAsync<string>($"SELECT state FROM unit_reviews WHERE assessment_id = '{sheet}'"));

        // The job locks it.
        var job = app.Services.GetRequiredService<CommitteeCloud.Web.Features.Reviews.ReviewDeadlineJob>();
        await Eventually.ValueAsync(async () => await job.RunOnceAsync(CancellationToken.None), n => n is not null);
        Assert.Equal("Locked", await app.AdminScalarAsync<string>($"SELECT state FROM self_assessments WHERE id = '{sheet}'"));

        // Reopening needs the secretary's permission and a reason; a cycle not finalized cannot be reopened.
        var notFinal = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/reopen", new { reason = "Sai sót" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(notFinal.FieldErrors("state"));
    }

    [Fact]
    public async Task Score_appraiser_only_criteria_and_reopen_with_an_audited_reason()
    {
        var tree = await app.CreateTreeAsync();
        var (rootId, a) = (await app.TenantIdAsync(tree.Root), await app.TenantIdAsync(tree.ChildA));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        var template = await root.CopyTemplateAsync(tree.Root, ReviewApi.NinetyTen);
        var cycle = await root.OpenCycleAsync(tree.Root, template, a);
        var sheet = await aClient.OnlySelfAssessmentAsync(tree.ChildA);

        // The unit may not score the criterion the level above awards.
        var refused = await (await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/self-assessments/{sheet}",
            new { lines = new[] { new { code = "C1", score = 10, explanation = "Tự chấm" } } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.FieldErrors("lines[0].score"));

        // Criterion C1 is assigned to the secretary: the supervisor (who may appraise) gets a 403 on it, not on others.
        var secretaryId = await app.UserIdAsync(tree.RootSecretary);
        await root.PutAsJsonAsync($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/appraisers",
            new { appraisers = new[] { new { code = "C1", userId = secretaryId } } }).OkJsonAsync();
        var unit = cycle.UnitOf(tree.ChildA).Id();
        var url = $"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/units/{unit}/adjustments";
        await (await supervisor.PostAsJsonAsync(url, new { code = "C1", score = 8, reason = "Đánh giá cấp trên" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await supervisor.PostOkAsync(url, new { code = "A1", score = 7, reason = "Thiếu văn bản chỉ đạo quý IV" });
        var scored = await root.PostOkAsync(url, new { code = "C1", score = 8, reason = "Kết quả giám sát năm 2026" });
        Assert.Equal(15, scored.GetProperty("current").GetProperty("total").GetDecimal());

        // Set aside, finalized: not ranked. Then reopened by the secretary with a reason that the audit trail keeps.
        await root.PutAsJsonAsync($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/units/{unit}/not-eligible",
            new { reason = "Đơn vị mới thành lập, chưa đủ 6 tháng hoạt động" }).OkJsonAsync();
        var finalized = await root.PostOkAsync($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/finalize");
        var row = finalized.GetProperty("ranking")[0];
        Assert.Equal("Không xếp loại", row.Str("band"));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("rank").ValueKind);

        await (await supervisor.PostAsJsonAsync($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/reopen", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var noReason = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/reopen", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.FieldErrors("reason"));
        var reopened = await root.PostOkAsync($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/reopen",
            new { reason = "Đơn vị bổ sung minh chứng về mô hình Dân vận khéo", deadline = Commitments.CommitmentApi.InDays(5) });
        Assert.Equal("Open", reopened.Str("state"));
        Assert.Equal(1L, await app.AdminScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE tenant_id = '{rootId}' AND entity_type = 'ReviewCycle' AND operation LIKE '%Reopen%' AND changes::text LIKE '%bổ sung minh chứng%'"));
        var back = await Eventually.ValueAsync(() => aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/self-assessments/{sheet}"),
            d => d.Str("state") == "Draft" && d.GetProperty("total").ValueKind == JsonValueKind.Null);
        Assert.True(back.GetProperty("canEdit").GetBoolean());
    }

    [Fact]
    public async Task Tell_each_unit_its_result_live_when_the_cycle_is_finalized()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        var cycle = await root.OpenCycleAsync(tree.Root, await root.CopyTemplateAsync(tree.Root), a);
        var sheet = await aClient.OnlySelfAssessmentAsync(tree.ChildA);
        await aClient.SubmitAsync(tree.ChildA, sheet, ReviewApi.Lines(10)).OkJsonAsync();

        await using var hub = await app.ConnectHubAsync(tree.ASecretary);
        var events = new ConcurrentQueue<LiveTenantEvent>();
        var notifications = new ConcurrentQueue<LiveNotification>();
        hub.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => events.Enqueue(e));
        hub.On<LiveNotification>(LiveMethods.Notification, n => notifications.Enqueue(n));
        await hub.InvokeAsync<JoinedTenant>("JoinTenant", tree.ChildA);

        await root.PostOkAsync($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/finalize");
        var told = await Eventually.ValueAsync(() => Task.FromResult(notifications.ToArray()), n => n.Any(x => x.Kind == "review-finalized"));
        var note = told.First(n => n.Kind == "review-finalized");
        Assert.Equal(tree.ChildA, note.TenantCode);
        Assert.Contains("75 điểm", note.Title);
        var pushed = await Eventually.ValueAsync(() => Task.FromResult(events.ToArray()), e => e.Any(x => x.Type == "reviewsChanged"));
        Assert.Contains(pushed, e => e.Type == "reviewsChanged" && e.EntityId == sheet && e.TenantId == a);
    }

    [Fact]
    public async Task Pre_fill_a_live_criterion_from_the_unit_s_written_leader_assignment()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        var leader = Guid.Parse((await app.AdminScalarAsync<string>(
            $"SELECT m.id::text FROM memberships m JOIN tenants t ON t.id = m.tenant_id JOIN users u ON u.id = m.user_id WHERE t.code = '{tree.ChildA}' AND u.user_name = '{tree.AStaff}'"))!);
        (await aClient.PostAsJsonAsync($"/t/{tree.ChildA}/api/leader-assignments", new
        {
            decisionNumber = "12-QĐ/ĐU", decisionDate = "2026-01-05", signer = "Nguyễn Văn Ký", signerCapacity = "T/M Ban Thường vụ, Bí thư",
            leaderMembershipId = leader, position = "Phó Bí thư Đảng ủy", scope = "Toàn diện công tác dân vận", effectiveFrom = "2026-01-05",
        })).EnsureSuccessStatusCode();
        var cycle = await root.OpenCycleAsync(tree.Root, await root.CopyTemplateAsync(tree.Root), a);
        var sheet = await aClient.OnlySelfAssessmentAsync(tree.ChildA);

        var detail = await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/self-assessments/{sheet}");
        Assert.Equal(1, detail.Line("2", "liveValue"));
        Assert.Equal(10, detail.Line("2", "selfScore"));
        await aClient.SubmitAsync(tree.ChildA, sheet, ReviewApi.Lines(9)).OkJsonAsync();
        var board = await root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}");
        Assert.Equal(78, board.UnitOf(tree.ChildA).GetProperty("selfTotal").GetDecimal()); // 7 × 9 + 10 (assignment in force) + 5 bonus
    }

    [Fact]
    public async Task Never_push_a_unit_s_result_to_a_sibling()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var cycle = await root.OpenCycleAsync(tree.Root, await root.CopyTemplateAsync(tree.Root), a);
        await using var hub = await app.ConnectHubAsync(tree.BSecretary);
        var notifications = new ConcurrentQueue<LiveNotification>();
        var events = new ConcurrentQueue<LiveTenantEvent>();
        hub.On<LiveNotification>(LiveMethods.Notification, n => notifications.Enqueue(n));
        hub.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => events.Enqueue(e));
        await hub.InvokeAsync<JoinedTenant>("JoinTenant", tree.ChildB);
        await Assert.ThrowsAnyAsync<Exception>(() => hub.InvokeAsync<JoinedTenant>("JoinTenant", tree.ChildA));

        await root.PostOkAsync($"/t/{tree.Root}/api/review-cycles/{cycle.Id()}/finalize");
        await Eventually.ValueAsync(() => app.AdminScalarAsync<string>($"SELECT state FROM self_assessments WHERE tenant_id = '{a}'"), s => s == "Finalized");
        await Task.Delay(300);
        Assert.DoesNotContain(notifications, n => n.Kind.StartsWith("review-", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.TenantId == a);
    }
}
