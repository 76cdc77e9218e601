using System.Collections.Concurrent;
using System.Text.Json;
using CommitteeCloud.IntegrationTests.Dialogues;
using CommitteeCloud.IntegrationTests.Tasks;
using CommitteeCloud.Web.Platform.Realtime;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.SignalR.Client;
using CommitteeCloud.Web.Features.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;

namespace CommitteeCloud.IntegrationTests.Reports;

/// <summary>A parent asks for reports; children draft from live figures, approve, submit, are returned, resubmit; the board adds up.</summary>
public sealed class ReportsShould(AppFixture app)
{
    [Fact]
    public async Task Carry_a_report_from_prefilled_draft_through_approval_submission_return_and_resubmission()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        using var bClient = await app.ClientForAsync(tree.BSecretary);
        var dialogue = await aClient.ScheduleAsync(tree.ChildA);
        await aClient.HoldAsync(tree.ChildA, dialogue.Id());

        var template = await root.CreateTemplateAsync(tree.Root);
        Assert.Equal(["i1", "i2", "i3"], template.GetProperty("indicators").EnumerateArray().Select(i => i.Str("key")).ToArray());
        var board = await root.SendAsync(tree.Root, template.Id(), 5, a, b);
        Assert.Equal(2, board.GetProperty("counts").GetProperty("notSubmitted").GetInt32());
        var requestId = board.Id();

        // The child's report is pre-filled from its own live figures for the period.
        var report = await aClient.OnlyReportAsync(tree.ChildA);
        var detail = await aClient.ReportAsync(tree.ChildA, report);
        Assert.Equal(1m, detail.GetProperty("indicators")[0].Dec("computed"));
        Assert.Equal(1m, detail.GetProperty("indicators")[0].Dec("value"));
        Assert.True(detail.GetProperty("canEdit").GetBoolean());

        // A correction needs a note; with it, both figures are kept.
        var noNote = await (await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/reports/{report}", ReportApi.Draft(3, null)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noNote.Errors("indicators[0].note"));
        detail = await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/reports/{report}",
            ReportApi.Draft(3, "Thêm 02 cuộc đối thoại ở thôn chưa nhập vào hệ thống")).OkJsonAsync();
        var corrected = detail.GetProperty("indicators")[0];
        Assert.Equal(1m, corrected.Dec("computed"));
        Assert.Equal(3m, corrected.Dec("value"));
        Assert.True(corrected.GetProperty("corrected").GetBoolean());

        // Submitting before approval is refused; the secretary approves, then it goes up on time.
        await (await aClient.PostAsJsonAsync($"/t/{tree.ChildA}/api/reports/{report}/submit", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/reports/{report}/approve", new { });
        var submitted = await aClient.PostOkAsync($"/t/{tree.ChildA}/api/reports/{report}/submit", new { });
        Assert.Equal("Submitted", submitted.Str("state"));
        Assert.False(submitted.GetProperty("submittedLate").GetBoolean());
        Assert.False(submitted.GetProperty("canEdit").GetBoolean());

        board = await Eventually.ValueAsync(() => root.BoardAsync(tree.Root, requestId), x => x.SlotOf(tree.ChildA).Str("status") == "OnTime");
        Assert.Equal("NotSubmitted", board.SlotOf(tree.ChildB).Str("status"));
        Assert.Equal(3m, board.Row("i1").Dec("children"));
        Assert.Equal(1, board.Row("i1").GetProperty("childrenUnits").GetInt32());
        Assert.Equal(3m, board.SlotOf(tree.ChildA).GetProperty("indicators")[0].Dec("value"));
        Assert.Equal("Thêm 02 cuộc đối thoại ở thôn chưa nhập vào hệ thống", board.SlotOf(tree.ChildA).GetProperty("indicators")[0].Str("correctionNote"));

        // B submits too: the sum, the average and the count of yes follow their rules.
        await bClient.FillAndSubmitAsync(tree.ChildB, await bClient.OnlyReportAsync(tree.ChildB), share: 70, yes: 0);
        board = await Eventually.ValueAsync(() => root.BoardAsync(tree.Root, requestId), x => x.SlotOf(tree.ChildB).Str("status") == "OnTime");
        Assert.Equal(3m, board.Row("i1").Dec("children"));
        Assert.Equal(80m, board.Row("i2").Dec("children"));
        Assert.Equal(1m, board.Row("i3").Dec("children"));
        Assert.Equal(2, board.Row("i3").GetProperty("subtreeUnits").GetInt32());
        // The board without content adds up in PostgreSQL: the same figures.
        var lean = await root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/report-requests/{requestId}");
        Assert.Equal(board.GetProperty("aggregate").ToString(), lean.GetProperty("aggregate").ToString());
        Assert.Equal(0, lean.SlotOf(tree.ChildA).GetProperty("indicators").GetArrayLength());

        // Returned with comments: out of the aggregate until resubmitted; the history shows every step on both sides.
        var slot = board.SlotOf(tree.ChildA);
        var noComment = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/report-requests/{requestId}/slots/{slot.Id()}/return", new { comment = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noComment.Errors("comment"));
        board = await root.PostOkAsync($"/t/{tree.Root}/api/report-requests/{requestId}/slots/{slot.Id()}/return",
            new { comment = "Đề nghị bổ sung số liệu tiếp công dân." });
        Assert.Equal("Returned", board.SlotOf(tree.ChildA).Str("status"));
        Assert.Equal(0m, board.Row("i1").Dec("children"));
        detail = await aClient.ReportAsync(tree.ChildA, report);
        Assert.Equal("Returned", detail.Str("state"));
        Assert.Equal("Đề nghị bổ sung số liệu tiếp công dân.", detail.Str("lastComment"));
        Assert.True(detail.GetProperty("canEdit").GetBoolean());

        await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/reports/{report}", ReportApi.Draft(4, "Bổ sung theo ý kiến cấp trên")).OkJsonAsync();
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/reports/{report}/approve", new { });
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/reports/{report}/submit", new { });
        board = await Eventually.ValueAsync(() => root.BoardAsync(tree.Root, requestId), x => x.SlotOf(tree.ChildA).GetProperty("revision").GetInt32() == 2);
        Assert.Equal("OnTime", board.SlotOf(tree.ChildA).Str("status"));
        Assert.Equal(4m, board.Row("i1").Dec("children"));
        Assert.Equal(["Submitted", "Returned", "Submitted"], board.SlotOf(tree.ChildA).GetProperty("history").EnumerateArray().Select(h => h.Str("kind")).ToArray());
        detail = await aClient.ReportAsync(tree.ChildA, report);
        Assert.Equal(["Requested", "Approved", "Submitted", "Returned", "Approved", "Submitted"],
            detail.GetProperty("history").EnumerateArray().Select(h => h.Str("kind")).ToArray());

        // The people concerned were told: the children of the request, the parent of each submission and return.
        var aInbox = await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/me/notifications?unreadOnly=false");
        var kinds = aInbox.ToString();
        Assert.Contains("report-requested", kinds);
        Assert.Contains("report-returned", kinds);
        var rootInbox = await root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/me/notifications?unreadOnly=false");
        Assert.Contains("report-submitted", rootInbox.ToString());
    }

    [Fact]
    public async Task Accept_a_submission_after_the_deadline_but_mark_it_late_and_show_missing_ones_overdue()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        var template = await root.CreateTemplateAsync(tree.Root);
        var requestId = (await root.SendAsync(tree.Root, template.Id(), 3, a, b)).Id();
        await app.AdminSqlAsync($"UPDATE reports SET deadline = current_date - 2 WHERE parent_tenant_id = (SELECT id FROM tenants WHERE code = '{tree.Root}')");
        await app.AdminSqlAsync($"UPDATE report_slots SET deadline = current_date - 2 WHERE request_id = '{requestId}'");

        var submitted = await aClient.FillAndSubmitAsync(tree.ChildA, await aClient.OnlyReportAsync(tree.ChildA));
        Assert.True(submitted.GetProperty("submittedLate").GetBoolean());
        Assert.Equal("Late", submitted.Str("status"));
        var board = await Eventually.ValueAsync(() => root.BoardAsync(tree.Root, requestId), x => x.SlotOf(tree.ChildA).Str("status") != "Overdue");
        Assert.Equal("Late", board.SlotOf(tree.ChildA).Str("status"));
        Assert.True(board.SlotOf(tree.ChildA).GetProperty("history")[0].GetProperty("late").GetBoolean());
        Assert.Equal("Overdue", board.SlotOf(tree.ChildB).Str("status"));
        Assert.Equal(1, board.GetProperty("counts").GetProperty("late").GetInt32());
        Assert.Equal(1, board.GetProperty("counts").GetProperty("overdue").GetInt32());
    }

    [Fact]
    public async Task Aggregate_the_whole_subtree_when_a_child_forwards_the_request_to_its_own_children()
    {
        var tree = await app.CreateTreeAsync();
        var (a, a1) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.GrandchildA1));
        // The cell's reporter also approves there (a cell has no separate secretary in the test tree).
        await app.AdminSqlAsync($"UPDATE tenant_roles SET permissions = array_append(permissions, 'reports.approve') WHERE tenant_id = '{a1}' AND name = 'UnitReporter'");
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        using var cell = await app.ClientForAsync(tree.A1Member);
        var template = await root.CreateTemplateAsync(tree.Root);
        var requestId = (await root.SendAsync(tree.Root, template.Id(), 5, a)).Id();
        var aReport = await aClient.OnlyReportAsync(tree.ChildA);

        var late = await (await aClient.PostAsJsonAsync($"/t/{tree.ChildA}/api/reports/{aReport}/forward", new { deadline = ReportApi.Day(9), childTenantIds = new[] { a1 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(late.Errors("deadline"));
        var forwarded = await aClient.PostOkAsync($"/t/{tree.ChildA}/api/reports/{aReport}/forward", new { deadline = ReportApi.Day(3), childTenantIds = new[] { a1 } });
        Assert.Equal(aReport, forwarded.GetProperty("forwardedFromReportId").GetGuid());

        var cellReport = await cell.OnlyReportAsync(tree.GrandchildA1);
        await cell.FillAndSubmitAsync(tree.GrandchildA1, cellReport, share: 50, yes: 1);
        var aDetail = await Eventually.ValueAsync(() => aClient.ReportAsync(tree.ChildA, aReport),
            d => d.GetProperty("childrenAggregate").ValueKind == JsonValueKind.Array && d.Row("i2", "childrenAggregate").Dec("children") == 50m);
        Assert.Equal(1m, aDetail.Row("i3", "childrenAggregate").Dec("children"));

        await aClient.FillAndSubmitAsync(tree.ChildA, aReport, share: 100, yes: 0);
        var board = await Eventually.ValueAsync(() => root.BoardAsync(tree.Root, requestId), x => x.SlotOf(tree.ChildA).Str("status") == "OnTime");
        Assert.Equal(100m, board.Row("i2").Dec("children"));
        Assert.Equal(75m, board.Row("i2").Dec("subtree"));
        Assert.Equal(2, board.Row("i2").GetProperty("subtreeUnits").GetInt32());
        Assert.Equal(1m, board.Row("i3").Dec("subtree"));
        Assert.Equal(2, board.SlotOf(tree.ChildA).GetProperty("subtreeUnits").GetInt32());
    }

    [Fact]
    public async Task Answer_409_to_an_edit_made_on_a_stale_version()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        var template = await root.CreateTemplateAsync(tree.Root);
        await root.SendAsync(tree.Root, template.Id(), 5, a);
        var report = await aClient.OnlyReportAsync(tree.ChildA);
        var version = (await aClient.ReportAsync(tree.ChildA, report)).GetProperty("version").GetUInt32();

        await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/reports/{report}", ReportApi.Draft(0, null, share: 60, version: version)).OkJsonAsync();
        var stale = await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/reports/{report}", ReportApi.Draft(0, null, share: 99, version: version));
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(60m, (await aClient.ReportAsync(tree.ChildA, report)).GetProperty("indicators")[1].Dec("value"));
    }

    [Fact]
    public async Task Refuse_bad_input_with_the_field_in_vietnamese_and_write_nothing()
    {
        var tree = await app.CreateTreeAsync();
        var (a, root1) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.Root));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var noUnit = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/report-templates", new
        {
            name = "Mẫu thiếu đơn vị tính", indicators = new[] { new { name = "Số cuộc", unit = "", rule = "Sum" } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Hãy nhập đơn vị tính.", noUnit.Errors("indicators[0].unit"));
        var badCode = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/report-templates", new
        {
            name = "Mẫu", indicators = new[] { new { name = "Số cuộc", unit = "cuộc", rule = "Sum", indicatorCode = "khong.ton.tai" } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(badCode.Errors("indicators[0].indicatorCode"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM report_templates WHERE tenant_id = '{root1}'"));

        var template = await root.CreateTemplateAsync(tree.Root);
        var noTemplate = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/report-requests", new
        {
            kind = "Quarterly", year = ReportApi.Today.Year, number = 5, deadline = ReportApi.Day(5), templateId = template.Id(), childTenantIds = new[] { a },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noTemplate.Errors("number"));
        var pastDeadline = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/report-requests", new
        {
            kind = "Quarterly", year = ReportApi.Today.Year, number = 1, deadline = ReportApi.Day(-1), templateId = template.Id(), childTenantIds = new[] { a },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(pastDeadline.Errors("deadline"));
        var notAChild = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/report-requests", new
        {
            kind = "Annual", year = ReportApi.Today.Year, deadline = ReportApi.Day(5), templateId = template.Id(),
            childTenantIds = new[] { a, await app.TenantIdAsync(tree.GrandchildA1) },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(notAChild.Errors("childTenantIds"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM report_requests WHERE tenant_id = '{root1}'"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM reports WHERE tenant_id = '{a}'"));

        // Unknown ids are 404, on both sides.
        await (await root.GetAsync($"/t/{tree.Root}/api/report-requests/{Guid.CreateVersion7()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await root.GetAsync($"/t/{tree.Root}/api/report-templates/{Guid.CreateVersion7()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await root.GetAsync($"/t/{tree.Root}/api/reports/{Guid.CreateVersion7()}/report.docx")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/reports/{Guid.CreateVersion7()}/submit", new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Issue_a_recurring_quarterly_request_for_the_rest_of_the_year_with_later_periods_opening_later()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        var template = await root.CreateTemplateAsync(tree.Root);
        var year = ReportApi.Today.Year + 1;
        await root.PostOkAsync($"/t/{tree.Root}/api/report-requests", new
        {
            kind = "Quarterly", year, number = 1, deadline = $"{year}-03-20", templateId = template.Id(), childTenantIds = new[] { a }, recurring = true,
        });
        var sent = await root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/report-requests");
        Assert.Equal(4, sent.GetArrayLength());
        var q3 = sent.EnumerateArray().Single(r => r.Str("periodName") == $"quý III năm {year}");
        Assert.Equal($"{year}-09-01", q3.Str("opensOn"));
        // The same distance from the end of the period as the first (20/03 is 11 days before 31/03).
        Assert.Equal($"{year}-09-19", q3.Str("deadline"));

        var received = await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/reports");
        Assert.Equal(4, received.GetArrayLength());
        var q3Report = received.EnumerateArray().Single(r => r.Str("periodName") == $"quý III năm {year}");
        Assert.False(q3Report.GetProperty("isOpen").GetBoolean());
        var early = await (await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/reports/{q3Report.Id()}", ReportApi.Draft(0, null)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(early.Errors("state"));

        // Asking again for a period already asked is refused, whole.
        var again = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/report-requests", new
        {
            kind = "Quarterly", year, number = 2, deadline = $"{year}-06-20", templateId = template.Id(), childTenantIds = new[] { a },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(again.Errors("childTenantIds"));
        Assert.Equal(4, (await root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/report-requests")).GetArrayLength());
    }

    [Fact]
    public async Task Never_show_a_sibling_another_sibling_s_report_nor_a_child_the_parent_s_templates()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        using var bClient = await app.ClientForAsync(tree.BSecretary);
        using var stranger = await app.ClientForAsync(tree.Stranger);
        var template = await root.CreateTemplateAsync(tree.Root);
        var requestId = (await root.SendAsync(tree.Root, template.Id(), 5, a, b)).Id();
        var aReport = await aClient.OnlyReportAsync(tree.ChildA);
        await aClient.FillAndSubmitAsync(tree.ChildA, aReport);

        var bList = await bClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildB}/api/reports");
        Assert.DoesNotContain(bList.EnumerateArray(), r => r.Id() == aReport);
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.GetAsync($"/t/{tree.ChildB}/api/reports/{aReport}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.GetAsync($"/t/{tree.ChildB}/api/reports/{aReport}/report.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.GetAsync($"/t/{tree.ChildB}/api/report-requests/{requestId}")).StatusCode);
        // The child holds what was sent (the sections and indicators), never the parent's template itself.
        Assert.Equal(HttpStatusCode.NotFound, (await aClient.GetAsync($"/t/{tree.ChildA}/api/report-templates/{template.Id()}")).StatusCode);
        Assert.Equal(0, (await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/report-templates")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await aClient.GetAsync($"/t/{tree.Root}/api/report-requests/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/t/{tree.Root}/api/report-requests/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/t/{tree.StrangerRoot}/api/reports/{aReport}")).StatusCode);
    }

    [Fact]
    public async Task Push_the_board_live_to_the_parent_and_to_nobody_else_when_a_child_submits()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        var template = await root.CreateTemplateAsync(tree.Root);
        var requestId = (await root.SendAsync(tree.Root, template.Id(), 5, a, b)).Id();
        var report = await aClient.OnlyReportAsync(tree.ChildA);

        await using var hub = await app.ConnectHubAsync(tree.RootSecretary);
        var events = new ConcurrentQueue<LiveTenantEvent>();
        var notifications = new ConcurrentQueue<LiveNotification>();
        hub.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => events.Enqueue(e));
        hub.On<LiveNotification>(LiveMethods.Notification, n => notifications.Enqueue(n));
        await hub.InvokeAsync<JoinedTenant>("JoinTenant", tree.Root);
        await using var sibling = await app.ConnectHubAsync(tree.BSecretary);
        var siblingEvents = new ConcurrentQueue<LiveTenantEvent>();
        sibling.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => siblingEvents.Enqueue(e));
        await sibling.InvokeAsync<JoinedTenant>("JoinTenant", tree.ChildB);
        // Joining another tenant's group is refused.
        await Assert.ThrowsAnyAsync<Exception>(() => sibling.InvokeAsync<JoinedTenant>("JoinTenant", tree.Root));

        await aClient.FillAndSubmitAsync(tree.ChildA, report);
        var received = await Eventually.ValueAsync(() => Task.FromResult(events.ToArray()), e => e.Any(x => x.Type == "reportsChanged" && x.EntityId == requestId));
        var rootId = await app.TenantIdAsync(tree.Root);
        Assert.All(received.Where(x => x.Type == "reportsChanged"), x => Assert.Equal(rootId, x.TenantId));
        var told = await Eventually.ValueAsync(() => Task.FromResult(notifications.ToArray()), n => n.Any(x => x.Kind == "report-submitted"));
        Assert.Contains(told, n => n.Kind == "report-submitted" && n.TenantCode == tree.Root);
        await Task.Delay(300);
        Assert.DoesNotContain(siblingEvents, e => e.EntityId == requestId || e.EntityId == report);
    }

    [Fact]
    public async Task Export_a_submitted_report_to_docx_and_the_board_to_xlsx()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        using var bClient = await app.ClientForAsync(tree.BSecretary);
        var template = await root.CreateTemplateAsync(tree.Root);
        var requestId = (await root.SendAsync(tree.Root, template.Id(), 5, a, b)).Id();
        var report = await aClient.OnlyReportAsync(tree.ChildA);
        await aClient.FillAndSubmitAsync(tree.ChildA, report, share: 90);
        await bClient.FillAndSubmitAsync(tree.ChildB, await bClient.OnlyReportAsync(tree.ChildB), share: 60);
        var board = await Eventually.ValueAsync(() => root.BoardAsync(tree.Root, requestId), x => x.GetProperty("counts").GetProperty("onTime").GetInt32() == 2);

        var docx = await aClient.GetAsync($"/t/{tree.ChildA}/api/reports/{report}/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("attachment", docx.Content.Headers.ContentDisposition?.DispositionType);
        var text = await DocxTextAsync(docx);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        Assert.Contains("Số 12-BC/ĐU", text);
        var today = ReportApi.Today;
        Assert.Contains($"Lạng Sơn, ngày {today.Day:00} tháng {today.Month:00} năm {today.Year}", text);
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains("Báo cáo nhanh công tác dân vận", text);
        Assert.Contains("I. KẾT QUẢ THỰC HIỆN", text);
        Assert.Contains("Tổ chức 01 hội nghị đối thoại với Nhân dân.", text);
        Assert.Contains("Tỷ lệ đảng viên được quán triệt", text);
        Assert.Contains("BÍ THƯ", text);
        Assert.Contains("Nguyễn Văn Bí Thư", text);
        Assert.DoesNotContain("(Dự thảo)", text);

        // The parent prints the copy it received.
        var slotDocx = await root.GetAsync($"/t/{tree.Root}/api/report-requests/{requestId}/slots/{board.SlotOf(tree.ChildB).Id()}/report.docx");
        Assert.Equal("attachment", slotDocx.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains(("Đảng ủy xã B " + tree.Suffix).ToUpperInvariant(), await DocxTextAsync(slotDocx));

        var xlsx = await root.GetAsync($"/t/{tree.Root}/api/report-requests/{requestId}/aggregate.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("attachment", xlsx.Content.Headers.ContentDisposition?.DispositionType);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Tong hop").Cast<IDictionary<string, object>>().ToList();
        var share = rows.Single(r => (string)r["Chỉ tiêu"] == "Tỷ lệ đảng viên được quán triệt");
        Assert.Equal(75m, Convert.ToDecimal(share["Các đơn vị trực thuộc"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Bình quân", share["Cách tổng hợp"]);
        stream.Position = 0;
        var units = stream.Query(useHeaderRow: true, sheetName: "Chi tiet don vi").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, units.Count);
        Assert.All(units, u => Assert.Equal("Đã gửi đúng hạn", u["Tình trạng"]));
    }

    private sealed class FixedClock(DateOnly vietnamDay) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(vietnamDay.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
    }

    [Fact]
    public async Task Remind_the_unit_before_the_deadline_and_when_overdue_once_each()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var template = await root.CreateTemplateAsync(tree.Root);
        await root.SendAsync(tree.Root, template.Id(), 5, a);
        var report = await (await app.ClientForAsync(tree.ASecretary)).OnlyReportAsync(tree.ChildA);
        ReportReminderJob JobOn(DateOnly day) => new(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Database, new FixedClock(day),
            NullLogger<ReportReminderJob>.Instance);
        Task<long> Count(string kind) => app.AdminScalarAsync<long>($"""
            SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE u.user_name = '{tree.ASecretary}' AND n.kind = '{kind}' AND n.link LIKE '%{report}'
            """);

        await JobOn(ReportApi.Today).RunOnceAsync(CancellationToken.None);
        Assert.Equal(0L, await Count(ReportReminderJob.DueSoon));
        await JobOn(ReportApi.Today.AddDays(4)).RunOnceAsync(CancellationToken.None);
        await JobOn(ReportApi.Today.AddDays(4)).RunOnceAsync(CancellationToken.None);
        Assert.Equal(1L, await Count(ReportReminderJob.DueSoon));
        await JobOn(ReportApi.Today.AddDays(6)).RunOnceAsync(CancellationToken.None);
        Assert.Equal(1L, await Count(ReportReminderJob.Overdue));
    }

    private static async Task<string> DocxTextAsync(HttpResponseMessage response)
    {
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
