using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Models;
using CommitteeCloud.Web.Features.Demo;
using CommitteeCloud.Web.Features.Models;

namespace CommitteeCloud.Web.Features.Commitments;

/// <summary>
/// The demo province's 2026 registration round (đăng ký thi đua năm 2026) for its communes, as the people would do it:
/// the Standing Committee opens it; Phường Lương Văn Tri registers and is approved; Phường Tam Thanh is returned with
/// comments; Xã Cao Lộc waits for a decision; the other communes have not registered yet. Their "Dân vận khéo" models
/// stand at different steps of the funnel (from registered to proposed for awards). Each step is a Mediator command in
/// its own scope, so validation, permissions, the outbox and the read models all run as in the app. Idempotent: nothing
/// is done when the province already has a round for 2026.
/// </summary>
public static class DemoCommitments
{
    public const int Year = 2026;
    private const string Province = "tinh-uy-ls";
    private const string ProvinceSecretary = "bithu.tinh";

    public static async Task<string> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<TenantStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var actors = new DemoActors(services, "demo-commitments");
        var people = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var name in new[] { ProvinceSecretary, "bithu.xa1", "bithu.xa2", "bithu.xa3" }) people[name] = await actors.UserIdAsync(name);
        async Task<T> As<T>(string tenantCode, string user, Func<IMediator, ValueTask<T>> send)
        {
            var tenant = await store.FindByCodeAsync(tenantCode, ct) ?? throw new InvalidOperationException($"No tenant {tenantCode} in the demo tree.");
            return await actors.AsAsync(tenant, people[user], sp => send(sp.GetRequiredService<IMediator>()));
        }

        if ((await As(Province, ProvinceSecretary, m => m.Send(new ListRoundsQuery(Year), ct))).Count > 0)
            return $"Đăng ký thi đua năm {Year} already there: nothing to do";

        var communes = new List<Guid>();
        foreach (var code in Directives.DemoCascade.Communes) communes.Add((await store.FindByCodeAsync(code, ct))!.Id);
        var today = clock.Today();
        var round = await As(Province, ProvinceSecretary, m => m.Send(new OpenRoundCommand(Year, $"Đăng ký thi đua năm {Year}",
            "Thực hiện Kết luận 114-KL/TW và Công văn 1866-CV/TU: mỗi đơn vị đăng ký danh hiệu thi đua, chỉ tiêu công tác dân vận và ít nhất "
            + "01 mô hình \"Dân vận khéo\" (cơ quan nhà nước 01-02 mô hình/năm).", today.AddDays(20), [.. communes]), ct));

        async Task<ModelDetail> Model(string commune, string user, string name, ModelField field, string situation, string outputs) =>
            await As(commune, user, m => m.Send(new RegisterModelCommand(Year, new ModelContent(name, field, true, null, null, situation,
                "Nâng cao sự hài lòng của Nhân dân; 100% hộ được tuyên truyền", "Tuyên truyền, vận động, đối thoại trực tiếp với Nhân dân",
                "Toàn địa bàn", "Đảng ủy chủ trì; MTTQ và các đoàn thể phối hợp", "Ngân sách địa phương, Nhân dân đóng góp",
                new DateOnly(Year, 2, 1), new DateOnly(Year, 11, 30), outputs, "Duy trì hằng năm, có thể nhân rộng ra các địa bàn khác")), ct));
        async Task Register(string commune, string user, string title, ModelDetail model, decimal dialogues)
        {
            var id = (await As(commune, user, m => m.Send(new ListCommitmentsQuery(), ct))).Single(c => c.Year == Year).Id;
            await As(commune, user, m => m.Send(new RegisterCommitmentCommand(id, title,
            [
                new CommitmentTargetInput("Tỷ lệ cán bộ, đảng viên được quán triệt Kết luận 114-KL/TW", "%", 100),
                new CommitmentTargetInput("Hội nghị đối thoại giữa người đứng đầu với Nhân dân", "cuộc", dialogues),
                new CommitmentTargetInput("Mô hình \"Dân vận khéo\" được công nhận", "mô hình", 1, ModelIndicators.Recognized),
            ], [new CommitmentModelInput(model.Id, null, null)]), ct));
        }

        var lvt = await Model("phuong-luong-van-tri", "bithu.xa1", "Dân vận khéo trong chỉnh trang đô thị văn minh", ModelField.Economy,
            "Nhiều tuyến phố xuống cấp, lấn chiếm vỉa hè", "3 tuyến phố được chỉnh trang; 250 hộ tự nguyện tháo dỡ công trình lấn chiếm");
        var tt = await Model("phuong-tam-thanh", "bithu.xa2", "Tổ dân phố không có đơn thư vượt cấp", ModelField.PoliticalSystem,
            "Đơn thư vượt cấp còn phát sinh ở một số tổ dân phố", "Giảm 50% đơn thư vượt cấp so với năm trước");
        var cl = await Model("xa-cao-loc", "bithu.xa3", "Dân vận khéo trong hiến đất làm đường giao thông nông thôn", ModelField.Economy,
            "Đường liên thôn hẹp, xuống cấp", "5 km đường bê tông; 120 hộ hiến đất");
        await Register("phuong-luong-van-tri", "bithu.xa1", "Hoàn thành xuất sắc nhiệm vụ", lvt, 4);
        await Register("phuong-tam-thanh", "bithu.xa2", "Tập thể lao động xuất sắc", tt, 1);
        await Register("xa-cao-loc", "bithu.xa3", "Hoàn thành tốt nhiệm vụ", cl, 2);
        await actors.DrainOutboxAsync(ct);

        // The province decides on two registrations and takes the models through the funnel.
        var board = await As(Province, ProvinceSecretary, m => m.Send(new GetRoundQuery(round.Id), ct));
        var slot = board.Slots.Single(s => s.ChildCode == "phuong-luong-van-tri");
        await As(Province, ProvinceSecretary, m => m.Send(new DecideOnCommitmentCommand(round.Id, slot.Id, CommitmentDecisions.Approve, "Đồng ý.", null, slot.Version), ct));
        slot = board.Slots.Single(s => s.ChildCode == "phuong-tam-thanh");
        await As(Province, ProvinceSecretary, m => m.Send(new DecideOnCommitmentCommand(round.Id, slot.Id, CommitmentDecisions.Return,
            "Đề nghị bổ sung chỉ tiêu tổ chức ít nhất 02 hội nghị đối thoại với Nhân dân theo Quy định 11-QĐi/TW.", null, slot.Version), ct));
        await As(Province, ProvinceSecretary, m => m.Send(new DecideOnModelCommand(lvt.Id, ModelActions.Survey, SurveyDate: today.AddDays(-5),
            Findings: "Mô hình triển khai bài bản, được Nhân dân đồng tình, hưởng ứng", Assessment: "Hiệu quả, có khả năng nhân rộng"), ct));
        await As(Province, ProvinceSecretary, m => m.Send(new DecideOnModelCommand(lvt.Id, ModelActions.Recognize, RecognitionLevel.Province,
            "Công nhận mô hình \"Dân vận khéo\" cấp tỉnh năm 2026"), ct));
        await As(Province, ProvinceSecretary, m => m.Send(new DecideOnModelCommand(lvt.Id, ModelActions.Typical, Comment: "Điển hình của tỉnh"), ct));
        await As(Province, ProvinceSecretary, m => m.Send(new DecideOnModelCommand(lvt.Id, ModelActions.Propose,
            Comment: "Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen"), ct));
        await As(Province, ProvinceSecretary, m => m.Send(new DecideOnModelCommand(tt.Id, ModelActions.Survey, SurveyDate: today.AddDays(-2),
            Findings: "Đã giảm đơn thư ở 6/9 tổ dân phố", Assessment: "Bước đầu có hiệu quả"), ct));
        await actors.DrainOutboxAsync(ct);
        return $"Đăng ký thi đua năm {Year}: round opened for {communes.Count} communes, 3 registered, 3 models (funnel: proposed, surveyed, registered)";
    }
}
