using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Web.Features.Demo;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>
/// The demo province's dialogues, done through the app's own commands as its people would: a dialogue with staff held
/// three weeks ago (questions sent beforehand and raised on the day, answers, one handed down to a ward as a task),
/// a dialogue with citizens and businesses coming up with a question already sent anonymously, and the 2026 staff
/// conference with its quorum, resolutions and People's Inspection Board election. Idempotent: nothing is done when
/// the province already has the held dialogue.
/// </summary>
public static class DemoDialogues
{
    public const string Province = "tinh-uy-ls";
    public const string HeldTitle = "Đối thoại giữa người đứng đầu với cán bộ, công chức cơ quan Tỉnh ủy";

    public static async Task<string> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<TenantStore>();
        var tenant = await store.FindByCodeAsync(Province, ct) ?? throw new InvalidOperationException($"No tenant {Province}: apply the demo tree first.");
        var actors = new DemoActors(services, "demo-dialogues");
        var secretary = await actors.UserIdAsync("bithu.tinh");
        var officer = await actors.UserIdAsync("canbo.danvan");
        Task<T> As<T>(Guid user, Func<IMediator, AppDbContext, ValueTask<T>> send) =>
            actors.AsAsync(tenant, user, sp => send(sp.GetRequiredService<IMediator>(), sp.GetRequiredService<AppDbContext>()));

        if (await As(secretary, async (_, db) => await db.Dialogues.AnyAsync(d => d.Title == HeldTitle, ct)))
            return "demo dialogues already there: nothing to do";

        var today = services.GetRequiredService<TimeProvider>().Today();
        var heldOn = today.AddDays(-21).Year == today.Year ? today.AddDays(-21) : today;
        var ward = (await store.FindByCodeAsync("phuong-luong-van-tri", ct))!.Id;

        var held = await As(secretary, (m, _) => m.Send(new ScheduleDialogueCommand(DialogueKind.WithStaff, new DialogueInput(
            HeldTitle, heldOn, "Hội trường Tỉnh ủy, số 2 đường Hùng Vương", "Thực hiện dân chủ ở cơ quan; điều kiện làm việc; cải cách hành chính",
            new TimeOnly(14, 0), null, "Đồng chí Bí thư Tỉnh ủy", "Toàn thể cán bộ, công chức, người lao động cơ quan Tỉnh ủy", 86)), ct));
        await As(officer, (m, _) => m.Send(new SubmitDialogueQuestionCommand(held.Id,
            "Đề nghị công khai tiêu chí bình xét thi đua, khen thưởng cuối năm trước khi họp xét.", Anonymous: true), ct));
        await As(officer, (m, _) => m.Send(new SubmitDialogueQuestionCommand(held.Id,
            "Đề nghị bố trí kinh phí tập huấn kỹ năng dân vận cho cán bộ trẻ.", Anonymous: false), ct));
        var roads = await As(secretary, (m, _) => m.Send(new RecordDialogueQuestionCommand(held.Id, AskerKind.Member,
            "Việc giải quyết kiến nghị của Nhân dân khu Khối 1 phường Lương Văn Tri về hệ thống thoát nước còn chậm.", null, "Cán bộ Ban Dân vận Tỉnh ủy",
            "Giao Đảng ủy phường Lương Văn Tri chủ trì rà soát, báo cáo kết quả trong 30 ngày.", false, null, ward), ct));
        await As(secretary, (m, _) => m.Send(new MoveDialogueCommand(held.Id, DialogueMove.Hold,
            "Các kiến nghị được tiếp thu; giao các đơn vị liên quan giải quyết và báo cáo kết quả.", null), ct));
        var questions = await As(secretary, (m, _) => m.Send(new GetDialogueQuery(held.Id), ct));
        var training = questions.Questions.First(q => q.Content.StartsWith("Đề nghị bố trí", StringComparison.Ordinal));
        await As(secretary, (m, _) => m.Send(new EditDialogueQuestionCommand(held.Id, training.Id, training.Content,
            "Văn phòng Tỉnh ủy bố trí trong kế hoạch bồi dưỡng quý III.", true, "Văn phòng Tỉnh ủy", null, null), ct));
        await As(secretary, (m, _) => m.Send(new CreateDialogueFollowUpCommand(held.Id, roads.Id,
            "Giải quyết kiến nghị về hệ thống thoát nước khu Khối 1", heldOn.AddDays(30)), ct));

        var upcoming = await As(secretary, (m, _) => m.Send(new ScheduleDialogueCommand(DialogueKind.WithCitizens, new DialogueInput(
            "Đối thoại với Nhân dân và doanh nghiệp về cải cách thủ tục hành chính", today.AddDays(14), "Trung tâm Phục vụ hành chính công tỉnh",
            "Thủ tục đất đai, đầu tư; chỉ số PAPI, PCI", new TimeOnly(8, 0), null, "Đồng chí Bí thư Tỉnh ủy",
            "Đại diện Nhân dân, doanh nghiệp, Hiệp hội doanh nghiệp tỉnh", 120)), ct));
        await As(officer, (m, _) => m.Send(new SubmitDialogueQuestionCommand(upcoming.Id,
            "Doanh nghiệp phản ánh thời gian thẩm định hồ sơ đầu tư còn kéo dài.", Anonymous: true), ct));

        var conferenceDay = new DateOnly(2026, 1, 20);
        var conference = await As(secretary, (m, _) => m.Send(new ScheduleDialogueCommand(DialogueKind.StaffConference, new DialogueInput(
            "Hội nghị cán bộ, công chức, viên chức cơ quan Tỉnh ủy năm 2026", conferenceDay, "Hội trường Tỉnh ủy", null, new TimeOnly(8, 0), null,
            "Đồng chí Chánh Văn phòng Tỉnh ủy", "Toàn thể cán bộ, công chức, viên chức, người lao động", 52)), ct));
        await As(secretary, (m, _) => m.Send(new RecordConferenceCommand(conference.Id, 52, 47, null,
            [new ResolutionInput("Nghị quyết Hội nghị cán bộ, công chức, viên chức năm 2026", 45, 0, 2),
             new ResolutionInput("Quy chế chi tiêu nội bộ (sửa đổi)", 40, 4, 3)],
            [new CandidateInput("Hoàng Văn Bình", 44), new CandidateInput("Lộc Thị Hạnh", 41), new CandidateInput("Vi Văn Sơn", 39),
             new CandidateInput("Nông Thị Mai", 20)], null), ct));
        if (conferenceDay <= today)
            await As(secretary, (m, _) => m.Send(new MoveDialogueCommand(conference.Id, DialogueMove.Hold,
                "Hội nghị thông qua Nghị quyết năm 2026 và bầu Ban Thanh tra nhân dân gồm 3 đồng chí.", null), ct));
        return "demo dialogues created: one held with a follow-up task, one scheduled, the 2026 staff conference";
    }

}
