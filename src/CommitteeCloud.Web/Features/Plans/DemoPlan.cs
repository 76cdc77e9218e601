using CommitteeCloud.Domain.Plans;
using CommitteeCloud.Web.Features.Demo;
using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.Plans;

/// <summary>
/// The demo province's 2026 annual plan (Kế hoạch công tác dân vận năm 2026 of the Ban Thường vụ Tỉnh ủy), in the
/// words of the directives it implements (Kết luận 114-KL/TW, Công văn 1866-CV/TU, the provincial Chỉ thị on
/// mass-mobilization work of state agencies): dialogues, "Dân vận khéo" models, administrative reform and the
/// PAR INDEX / PAPI / SIPAS / PCI ranks, training, reviews. Drafted and issued by the province secretary through the
/// app's own commands, so its activities reach the units below as tasks. Idempotent: nothing is done when the
/// province already has a 2026 plan.
/// </summary>
public static class DemoPlan
{
    public const int Year = 2026;
    public const string Number = "45-KH/TU";
    private const string Province = "tinh-uy-ls";
    private const string Secretary = "bithu.tinh";

    public static async Task<string> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<TenantStore>();
        var province = await store.FindByCodeAsync(Province, ct) ?? throw new InvalidOperationException($"No tenant {Province}: apply the demo tree first.");
        var actors = new DemoActors(services, "demo-plan");
        var secretary = await actors.UserIdAsync(Secretary);
        Task<T> AsSecretary<T>(Func<IMediator, IServiceProvider, ValueTask<T>> send) =>
            actors.AsAsync(province, secretary, sp => send(sp.GetRequiredService<IMediator>(), sp));

        var existing = await AsSecretary((m, _) => m.Send(new ListPlansQuery(), ct));
        if (existing.Plans.Any(p => p.Year == Year)) return $"Kế hoạch {Year} already there: nothing to do";

        async Task<Guid> Unit(string code) => (await store.FindByCodeAsync(code, ct) ?? throw new InvalidOperationException($"No tenant {code} in the demo tree.")).Id;
        var board = await Unit("ban-dan-van-ls");
        var committee = await Unit("dang-uy-ubnd-ls");
        var front = await Unit("dang-doan-mttq-ls");
        var council = await Unit("dang-doan-hdnd-ls");
        var communes = new List<Guid>();
        foreach (var code in new[] { "phuong-luong-van-tri", "phuong-tam-thanh", "xa-cao-loc", "xa-dong-dang", "xa-loc-binh", "xa-dinh-lap", "xa-bac-son", "xa-huu-lung", "xa-van-quan" })
            communes.Add(await Unit(code));

        // Figures other features count (dialogues held, models recognized) are followed when those features offer
        // them; otherwise the officer types them.
        var indicators = await AsSecretary((_, sp) => ValueTask.FromResult(sp.GetServices<IIndicatorSource>().SelectMany(s => s.Indicators).ToList()));
        string? Code(string prefix) => indicators.Select(i => i.Code).Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();

        var input = new PlanInput(Year, $"Kế hoạch công tác dân vận năm {Year}", Number,
            "Tiếp tục quán triệt, triển khai thực hiện có hiệu quả Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư về nâng cao hiệu quả công tác dân vận " +
            "của cơ quan Nhà nước các cấp và Công văn số 1866-CV/TU của Ban Thường vụ Tỉnh ủy; tạo chuyển biến mạnh mẽ về nhận thức, trách nhiệm của cấp ủy, " +
            "chính quyền, nhất là người đứng đầu, đối với công tác dân vận.",
            "Việc triển khai phải cụ thể, thiết thực, gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị; thực hiện tốt phương châm \"Dân biết, dân bàn, " +
            "dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng\"; định kỳ sơ kết, tổng kết, báo cáo kết quả với Ban Thường vụ Tỉnh ủy.",
            [
                "Thực hiện tốt nội dung \"Năm dân vận chính quyền\", bảo đảm thực hiện tốt quan hệ giữa chính quyền với Nhân dân",
                "100% cơ quan Nhà nước các cấp phân công lãnh đạo phụ trách công tác dân vận bằng văn bản theo Quyết định số 290-QĐ/TW",
                "Mỗi cơ quan Nhà nước các cấp xây dựng, nhân rộng, phát huy hiệu quả 01 đến 02 mô hình \"Dân vận khéo\"",
                "Cải thiện các chỉ số PAR INDEX, PAPI, SIPAS, PCI của tỉnh",
            ],
            [
                new("Tỷ lệ nhiệm vụ hoàn thành đúng hạn", "%", 90, TargetKind.AtLeast, "tasks.on_time_rate"),
                new("Nhiệm vụ quá hạn chưa hoàn thành", "nhiệm vụ", 0, TargetKind.AtMost, "tasks.overdue"),
                new("Cuộc đối thoại giữa người đứng đầu với Nhân dân", "cuộc", 12, TargetKind.AtLeast, Code("dialogues.")),
                new("Mô hình \"Dân vận khéo\" được công nhận", "mô hình", 20, TargetKind.AtLeast, Code("models.")),
                new("Xếp hạng chỉ số cải cách hành chính (PAR INDEX)", "hạng", 20, TargetKind.Rank),
                new("Xếp hạng chỉ số hiệu quả quản trị và hành chính công (PAPI)", "hạng", 15, TargetKind.Rank, ManualActual: 18),
                new("Xếp hạng chỉ số hài lòng về sự phục vụ hành chính (SIPAS)", "hạng", 20, TargetKind.Rank),
                new("Xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "hạng", 25, TargetKind.Rank, ManualActual: 22),
            ],
            [
                new("Quán triệt, triển khai Kết luận số 114-KL/TW và Công văn số 1866-CV/TU đến cán bộ, đảng viên, công chức, viên chức",
                    new DateOnly(Year, 1, 15), new DateOnly(Year, 3, 31), "Tổ chức hội nghị quán triệt; đưa nội dung công tác dân vận vào chương trình công tác năm của cấp ủy, chính quyền.",
                    [board], [committee]),
                new("Tổ chức đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
                    new DateOnly(Year, 2, 1), new DateOnly(Year, 12, 15), "Mỗi xã, phường tổ chức ít nhất 01 cuộc đối thoại mỗi quý; tiếp thu, giải quyết kịp thời kiến nghị, phản ánh của Nhân dân.",
                    [.. communes], [front]),
                new("Xây dựng, nhân rộng mô hình \"Dân vận khéo\" trong cơ quan Nhà nước",
                    new DateOnly(Year, 3, 1), new DateOnly(Year, 11, 30), "Mỗi cơ quan Nhà nước đăng ký, xây dựng 01 đến 02 mô hình; lựa chọn, biểu dương, nhân rộng mô hình tiêu biểu.",
                    [committee], [front, board]),
                new("Đẩy mạnh cải cách hành chính, nâng cao chỉ số PAR INDEX, PAPI, SIPAS, PCI",
                    new DateOnly(Year, 1, 15), new DateOnly(Year, 12, 31), "Công khai, minh bạch thủ tục hành chính; nâng cao chất lượng bộ phận một cửa; tiếp thu ý kiến phê bình, góp ý của Nhân dân.",
                    [committee], [council]),
                new("Tập huấn, bồi dưỡng nghiệp vụ công tác dân vận cho cán bộ, công chức, viên chức",
                    new DateOnly(Year, 4, 1), new DateOnly(Year, 9, 30), "Ban Dân vận Tỉnh ủy phối hợp Trường Chính trị tỉnh tổ chức các lớp tập huấn."),
                new("Sơ kết 6 tháng, tổng kết năm thực hiện kế hoạch; báo cáo Ban Thường vụ Tỉnh ủy",
                    new DateOnly(Year, 6, 15), new DateOnly(Year, 12, 20)),
            ]);

        var draft = await AsSecretary((m, _) => m.Send(new CreatePlanCommand(input), ct));
        var issued = await AsSecretary((m, _) => m.Send(new IssuePlanCommand(draft.Id, "demo-plan"), ct));
        return $"Kế hoạch {issued.Number} ({Year}) issued: {issued.Activities.Count} activities, {issued.Targets.Count} targets";
    }
}
