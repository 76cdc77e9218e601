using CommitteeCloud.Web.Features.Demo;
using CommitteeCloud.Web.Features.Directives;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>
/// The demo province's review cycle for 2026, as the people would run it: the Standing Committee copies the two
/// shipped criteria templates and opens a cycle on the 100-point sheet for its communes; Phường Lương Văn Tri and Xã Cao
/// Lộc self-assess and submit; Phường Tam Thanh has a draft; the province lowers one of Lương Văn Tri's criteria with a
/// reason. Each step is a Mediator command in its own scope. Idempotent: the templates are copied once each, and
/// nothing else is done when the province already has a cycle for 2026.
/// </summary>
public static class DemoReviews
{
    public const int Year = 2026;
    public const string CycleTitle = "Đánh giá, xếp loại công tác dân vận năm 2026";

    public static async Task<string> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<TenantStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var actors = new DemoActors(services, "demo-reviews");
        async Task<T> As<T>(string tenantCode, string user, Func<IMediator, ValueTask<T>> send)
        {
            var tenant = await store.FindByCodeAsync(tenantCode, ct) ?? throw new InvalidOperationException($"No tenant {tenantCode} in the demo tree.");
            var userId = await actors.UserIdAsync(user);
            return await actors.AsAsync(tenant, userId, sp => send(sp.GetRequiredService<IMediator>()));
        }
        const string province = DemoCascade.Province, secretary = DemoCascade.ProvinceSecretary;

        var templates = await As(province, secretary, m => m.Send(new ListTemplatesQuery(), ct));
        var copied = 0;
        foreach (var shipped in ShippedTemplates.All)
        {
            if (templates.Any(t => !t.Shipped && t.ShippedKey == shipped.Key)) continue;
            await As(province, secretary, m => m.Send(new CreateTemplateCommand(shipped.Name, shipped.Description, null, shipped.Key), ct));
            copied++;
        }
        if ((await As(province, secretary, m => m.Send(new ListCyclesQuery(Year), ct))).Count > 0)
            return $"Đánh giá năm {Year} already there ({copied} template(s) copied): nothing else to do";

        templates = await As(province, secretary, m => m.Send(new ListTemplatesQuery(), ct));
        var hundred = templates.First(t => !t.Shipped && t.ShippedKey == ShippedTemplates.HundredPoints).Id!.Value;
        var communes = new List<Guid>();
        foreach (var code in DemoCascade.Communes) communes.Add((await store.FindByCodeAsync(code, ct))!.Id);
        var cycle = await As(province, secretary, m => m.Send(new OpenCycleCommand(hundred, Year, CycleTitle, clock.Today().AddDays(15), [.. communes]), ct));

        async Task<Guid> SheetOf(string commune, string user) =>
            (await As(commune, user, m => m.Send(new ListSelfAssessmentsQuery(), ct))).Single(s => s.Year == Year).Id;
        SelfScoreInput[] Scores(params decimal[] points) =>
        [
            .. new[] { "1", "3", "4", "6", "7", "8", "10" }.Select((code, i) => new SelfScoreInput(code, points[i], Explanations[i], null)),
            new SelfScoreInput("T1", points[7], points[7] > 0 ? "Mô hình \"Dân vận khéo trong chỉnh trang đô thị văn minh\" được công nhận cấp tỉnh" : null, null),
        ];

        var lvt = await SheetOf("phuong-luong-van-tri", "bithu.xa1");
        await As("phuong-luong-van-tri", "bithu.xa1", m => m.Send(new SubmitSelfAssessmentCommand(lvt, Scores(10, 10, 10, 9, 10, 10, 10, 5)), ct));
        var cl = await SheetOf("xa-cao-loc", "bithu.xa3");
        await As("xa-cao-loc", "bithu.xa3", m => m.Send(new SubmitSelfAssessmentCommand(cl, Scores(9, 8, 8, 7, 6, 8, 9, 0)), ct));
        var tt = await SheetOf("phuong-tam-thanh", "bithu.xa2");
        await As("phuong-tam-thanh", "bithu.xa2", m => m.Send(new SaveSelfAssessmentCommand(tt, Scores(10, 9, 0, 0, 0, 0, 0, 0)[..2]), ct));

        var unit = cycle.Units.Single(u => u.ChildCode == "phuong-luong-van-tri");
        await As(province, secretary, m => m.Send(new AdjustScoreCommand(cycle.Id, unit.Id, "7", 7,
            "Chỉ số SIPAS năm 2026 của phường giảm so với năm trước; chưa đủ căn cứ chấm điểm tối đa."), ct));
        return $"{CycleTitle}: {copied} template(s) copied, cycle opened for {communes.Count} communes, 2 submitted, 1 draft, 1 adjustment";
    }

    private static readonly string[] Explanations =
    [
        "Ban hành Kế hoạch số 05-KH/ĐU ngày 10/01/2026 về công tác dân vận năm 2026",
        "Tổ chức hội nghị quán triệt Kết luận 114-KL/TW cho 100% cán bộ, công chức",
        "Tổ chức hội nghị cán bộ, công chức ngày 20/01/2026, ban hành nghị quyết",
        "Tiếp 45 lượt công dân; giải quyết đúng hạn 100% đơn thư thuộc thẩm quyền",
        "Chỉ số SIPAS đạt 85,2%",
        "Đăng ký và triển khai 02 mô hình \"Dân vận khéo\"",
        "Gửi đầy đủ báo cáo quý, 6 tháng; 03 cán bộ dự tập huấn nghiệp vụ",
    ];
}
