using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Web.Features.Demo;

namespace CommitteeCloud.Web.Features.Reports;

/// <summary>
/// The demo province's periodic report (báo cáo công tác dân vận quý), as the people would do it: the Standing
/// Committee defines its template and asks its communes for this quarter's report, recurring for the rest of the
/// year; Phường Lương Văn Tri submits on time; Phường Tam Thanh submits and is returned with comments; Xã Cao Lộc
/// submits after its deadline (the one step not done by a command: its deadline is moved into the past first, as if
/// the request had gone out weeks ago); Xã Đồng Đăng has a draft; the others have not started. Each step is a
/// Mediator command in its own scope. Idempotent: nothing is done when the province already sent a request from the
/// template.
/// </summary>
public static class DemoReports
{
    private const string Province = Directives.DemoCascade.Province;
    private const string ProvinceSecretary = Directives.DemoCascade.ProvinceSecretary;
    public const string TemplateName = "Báo cáo công tác dân vận định kỳ (quý, 6 tháng, năm)";

    public static async Task<string> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<TenantStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var actors = new DemoActors(services, "demo-reports");
        async Task<T> As<T>(string tenantCode, string user, Func<IMediator, ValueTask<T>> send)
        {
            var tenant = await store.FindByCodeAsync(tenantCode, ct) ?? throw new InvalidOperationException($"No tenant {tenantCode} in the demo tree.");
            return await actors.AsAsync(tenant, await actors.UserIdAsync(user), sp => send(sp.GetRequiredService<IMediator>()));
        }

        var templates = await As(Province, ProvinceSecretary, m => m.Send(new ListReportTemplatesQuery(), ct));
        if (templates.Any(t => t.Name == TemplateName)) return "Báo cáo công tác dân vận quý already there: nothing to do";

        var catalog = (await As(Province, ProvinceSecretary, m => m.Send(new ReportIndicatorCatalogQuery(), ct))).Select(d => d.Code).ToHashSet();
        string? Bound(string code) => catalog.Contains(code) ? code : null;
        var template = await As(Province, ProvinceSecretary, m => m.Send(new SaveReportTemplateCommand(null, TemplateName,
            "Theo Hướng dẫn của Ban Dân vận Tỉnh ủy; số liệu tính từ ngày đầu đến ngày cuối kỳ báo cáo.",
            [
                new TemplateSectionInput("Công tác lãnh đạo, chỉ đạo", "Việc quán triệt, ban hành văn bản thực hiện Kết luận 114-KL/TW, Quy định 11-QĐi/TW"),
                new TemplateSectionInput("Kết quả thực hiện công tác dân vận", "Dân vận chính quyền, phong trào thi đua \"Dân vận khéo\", đối thoại, tiếp công dân"),
                new TemplateSectionInput("Hạn chế, nguyên nhân", null),
                new TemplateSectionInput("Phương hướng, nhiệm vụ kỳ tới", null),
                new TemplateSectionInput("Đề xuất, kiến nghị", null),
            ],
            [
                new TemplateIndicatorInput(null, "Số cuộc đối thoại của người đứng đầu với Nhân dân", "cuộc", AggregationRule.Sum, Bound("dialogues.held")),
                new TemplateIndicatorInput(null, "Số mô hình \"Dân vận khéo\" được công nhận", "mô hình", AggregationRule.Sum, Bound("models.recognized")),
                new TemplateIndicatorInput(null, "Số ý kiến góp ý nhận được", "ý kiến", AggregationRule.Sum, Bound("suggestions.received")),
                new TemplateIndicatorInput(null, "Số ý kiến góp ý đã trả lời", "ý kiến", AggregationRule.Sum, Bound("suggestions.answered")),
                new TemplateIndicatorInput(null, "Số nhiệm vụ hoàn thành đúng hạn", "nhiệm vụ", AggregationRule.Sum, Bound("tasks.completed_on_time")),
                new TemplateIndicatorInput(null, "Số lớp tập huấn, bồi dưỡng", "lớp", AggregationRule.Sum, Bound("training.courses")),
                new TemplateIndicatorInput(null, "Số người tham dự tập huấn", "người", AggregationRule.Sum, Bound("training.attendees")),
                new TemplateIndicatorInput(null, "Số lượt tiếp công dân", "lượt", AggregationRule.Sum, null),
                new TemplateIndicatorInput(null, "Số đơn thư nhận được", "đơn", AggregationRule.Sum, null),
                new TemplateIndicatorInput(null, "Số đơn thư đã giải quyết", "đơn", AggregationRule.Sum, null),
                new TemplateIndicatorInput(null, "Tỷ lệ cán bộ, đảng viên được quán triệt Kết luận 114-KL/TW", "%", AggregationRule.Average, null),
                new TemplateIndicatorInput(null, "Ban hành quy chế dân chủ ở cơ sở năm nay", "có/không", AggregationRule.CountYes, null),
            ]), ct));

        var today = clock.Today();
        var communes = new List<Guid>();
        foreach (var code in Directives.DemoCascade.Communes) communes.Add((await store.FindByCodeAsync(code, ct))!.Id);
        var quarter = (today.Month + 2) / 3;
        var board = await As(Province, ProvinceSecretary, m => m.Send(new SendReportRequestCommand(ReportKind.Quarterly, today.Year, quarter, null, null,
            today.AddDays(10), template.Id, "Kết quả công tác dân vận", "Đề nghị các đảng ủy gửi báo cáo đúng hạn; số liệu hệ thống đã tự tổng hợp, chỉ điều chỉnh khi có lý do.",
            [.. communes], Recurring: true), ct));

        async Task<ReportDetail> Fill(string commune, string reporter, decimal receptions, decimal petitions, decimal resolved, decimal share)
        {
            var id = (await As(commune, reporter, m => m.Send(new ListReportsQuery(), ct))).First(r => r.IsOpen && r.PeriodName.StartsWith("quý", StringComparison.Ordinal)).Id;
            var detail = await As(commune, reporter, m => m.Send(new GetReportQuery(id), ct));
            decimal? Manual(string key) => key switch
            {
                "i8" => receptions, "i9" => petitions, "i10" => resolved, "i11" => share, "i12" => 1,
                _ => 0,
            };
            var figures = detail.Indicators.Select(i => i.IndicatorCode is not null
                ? new IndicatorFigureInput(i.Key, i.Computed ?? 0, i.Computed is null ? "Số liệu tổng hợp thủ công" : null)
                : new IndicatorFigureInput(i.Key, Manual(i.Key), null)).ToArray();
            return await As(commune, reporter, m => m.Send(new EditReportCommand(id,
            [
                "Đảng ủy đã quán triệt Kết luận 114-KL/TW và Quy định 11-QĐi/TW tới toàn thể cán bộ, đảng viên; ban hành kế hoạch thực hiện công tác dân vận năm.",
                "Tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân; duy trì tiếp công dân định kỳ; triển khai mô hình \"Dân vận khéo\".",
                "Một số kiến nghị của Nhân dân chưa được giải quyết dứt điểm; việc cập nhật số liệu còn chậm.",
                "Tiếp tục đẩy mạnh phong trào thi đua \"Dân vận khéo\"; tổ chức đối thoại chuyên đề về chỉnh trang đô thị.",
                "Đề nghị Ban Dân vận Tỉnh ủy mở lớp tập huấn nghiệp vụ cho cán bộ làm công tác dân vận cơ sở.",
            ], figures, $"{quarter}-BC/ĐU", "Lạng Sơn", null, "T/M BAN THƯỜNG VỤ\nBÍ THƯ", detail.Version), ct));
        }
        async Task ApproveAndSubmit(string commune, string secretary, string reporter, Guid id)
        {
            await As(commune, secretary, m => m.Send(new ApproveReportCommand(id), ct));
            await As(commune, reporter, m => m.Send(new SubmitReportCommand(id), ct));
        }

        var lvt = await Fill("phuong-luong-van-tri", "baocao.xa1", 12, 5, 5, 100);
        await ApproveAndSubmit("phuong-luong-van-tri", "bithu.xa1", "baocao.xa1", lvt.Id);
        var tt = await Fill("phuong-tam-thanh", "baocao.xa2", 8, 6, 3, 95);
        await ApproveAndSubmit("phuong-tam-thanh", "bithu.xa2", "baocao.xa2", tt.Id);
        var cl = await Fill("xa-cao-loc", "baocao.xa3", 5, 2, 2, 90);
        await PastDeadlineAsync(services, store, board.Id, "xa-cao-loc", cl.Id, today.AddDays(-3), ct);
        await ApproveAndSubmit("xa-cao-loc", "bithu.xa3", "baocao.xa3", cl.Id);
        await Fill("xa-dong-dang", "baocao.xa4", 3, 1, 0, 80);
        await actors.DrainOutboxAsync(ct);

        board = await As(Province, ProvinceSecretary, m => m.Send(new GetReportRequestQuery(board.Id), ct));
        var returned = board.Slots.Single(s => s.ChildCode == "phuong-tam-thanh");
        await As(Province, ProvinceSecretary, m => m.Send(new ReturnReportCommand(board.Id, returned.Id,
            "Đề nghị bổ sung kết quả giải quyết 03 đơn thư còn tồn và số liệu tiếp công dân của Bí thư Đảng ủy.", returned.Version), ct));
        await actors.DrainOutboxAsync(ct);
        return $"Báo cáo công tác dân vận quý {quarter}/{today.Year}: asked of {communes.Count} communes (recurring), 1 on time, 1 late, 1 returned, 1 drafted";
    }

    /// <summary>The request went out weeks ago in the story: the commune's deadline (its row and the province's slot) is moved into the past.</summary>
    private static async Task PastDeadlineAsync(IServiceProvider services, TenantStore store, Guid requestId, string commune, Guid reportId, DateOnly deadline,
        CancellationToken ct)
    {
        var actors = new DemoActors(services, "demo-reports");
        var province = (await store.FindByCodeAsync(Province, ct))!;
        var child = (await store.FindByCodeAsync(commune, ct))!;
        await actors.AsAsync(child, await actors.UserIdAsync("bithu.xa3"), async sp =>
        {
            await sp.GetRequiredService<AppDbContext>().Reports.Where(r => r.Id == reportId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Deadline, deadline), ct);
            return 0;
        });
        await actors.AsAsync(province, await actors.UserIdAsync(ProvinceSecretary), async sp =>
        {
            await sp.GetRequiredService<AppDbContext>().ReportSlots.Where(s => s.RequestId == requestId && s.ChildTenantId == child.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Deadline, deadline), ct);
            return 0;
        });
    }
}
