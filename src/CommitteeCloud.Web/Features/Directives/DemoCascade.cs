using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Demo;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Directives;

/// <summary>What one run of the demo cascade did: nothing when the directive was already there.</summary>
public sealed record DemoCascadeResult(bool Created, Guid? DirectiveId, int Handoffs, int Steps)
{
    public override string ToString() => Created
        ? $"Công văn {DemoCascade.Number} issued ({Handoffs} hand-offs to {DemoCascade.Recipients.Length} units), {Steps} follow-up steps below"
        : $"Công văn {DemoCascade.Number} already there: nothing to do";
}

/// <summary>
/// The demo province's living example: Công văn 1866-CV/TU of the Standing Committee of Tỉnh ủy Lạng Sơn, implementing
/// Kết luận 114-KL/TW (six numbered tasks), drafted, split into its points, given lead units and deadlines, issued to
/// the party groups, the People's Committee's party committee, the Ban Dân vận and the nine communes; then some
/// communes acknowledge, split a task to their cells, the cells report, the communes and the province accept, so that
/// the dashboards show every kind of timeliness (overdue, due soon, on time, completed). Everything is done as the
/// people in the demo tree would do it: each step is a Mediator command sent in its own scope as that person in that
/// tenant, so validation, permissions, transactions, the outbox and the roll-up all run as in the app.
/// Idempotent: nothing is done when the province already has a directive numbered <see cref="Number"/>.
/// </summary>
public static class DemoCascade
{
    public const string Number = "1866-CV/TU";
    public const string Province = "tinh-uy-ls";
    public const string ProvinceSecretary = "bithu.tinh";
    public const string MassMobilizationBoard = "ban-dan-van-ls";
    public const string PeoplesCommittee = "dang-uy-ubnd-ls";

    /// <summary>The direct recipients, in the order of the letter's "Kính gửi" (the departments are reached through the People's Committee).</summary>
    public static readonly string[] Recipients =
    [
        "dang-doan-hdnd-ls", PeoplesCommittee, "dang-doan-mttq-ls", MassMobilizationBoard,
        "phuong-luong-van-tri", "phuong-tam-thanh", "xa-cao-loc", "xa-dong-dang", "xa-loc-binh", "xa-dinh-lap", "xa-bac-son",
        "xa-huu-lung", "xa-van-quan",
    ];

    /// <summary>The communes, in the order of their secretaries' user names (bithu.xa1 ... bithu.xa9).</summary>
    public static readonly string[] Communes = Recipients[4..];

    public const string Subject = "V/v tăng cường và nâng cao hiệu quả công tác dân vận của cơ quan Nhà nước các cấp";
    public const string Implements = "Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư Trung ương Đảng khoá XI";

    public static async Task<DemoCascadeResult> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<TenantStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (await store.FindByCodeAsync(Province, ct) is null) throw new InvalidOperationException($"No tenant {Province}: apply the demo tree first.");
        var people = await UserIdsAsync(services, ct);
        var actor = new Actor(services, store, people);

        var existing = await actor.AsAsync(Province, ProvinceSecretary, m => m.Send(new ListDirectivesQuery(Search: Number), ct));
        if (existing.Any(d => d.Number == Number && d.Status != DirectiveStatus.Received)) return new DemoCascadeResult(false, null, 0, 0);

        var today = clock.Today();
        var ids = new Dictionary<string, Guid>();
        foreach (var code in Recipients)
            ids[code] = (await store.FindByCodeAsync(code, ct) ?? throw new InvalidOperationException($"No tenant {code} in the demo tree.")).Id;

        // The letter is dated 21/7/2020. Its copy here is dated 60 days ago instead, so that the deadlines set below
        // (some passed, some near, some far) make the timeliness colours meaningful whenever the demo is started.
        var input = new DirectiveInput(DirectiveKind.OfficialLetter, Number, today.AddDays(-60), "Lạng Sơn", "Ban Thường vụ Tỉnh ủy",
            "Hoàng Văn Nghiệm", "T/M Ban Thường vụ, Phó Bí thư Thường trực", Subject, Body, Implements, null,
            [.. Recipients.Select(c => ids[c])], null);
        var draft = await actor.AsAsync(Province, ProvinceSecretary, m => m.Send(new CreateDirectiveCommand(input, SplitPoints: true), ct));

        // Deadlines: 1 passed ten days ago (overdue where not done), 2 in two days (due soon), 3 and 4 later (on time),
        // 5 standing with two review dates, 6 quarterly reports through the year (the letter's "định kỳ báo cáo").
        var year = today.Year;
        foreach (var point in draft.Points)
        {
            var task = new TaskInput(point.Title, point.Content, point.PointNumber);
            task = point.PointNumber switch
            {
                1 => task with { DeadlineKind = DeadlineKind.OnDate, DueDate = today.AddDays(-10), Priority = TaskPriority.High },
                2 => task with { DeadlineKind = DeadlineKind.OnDate, DueDate = today.AddDays(2) },
                3 => task with { DeadlineKind = DeadlineKind.OnDate, DueDate = today.AddDays(45) },
                4 => task with { DeadlineKind = DeadlineKind.OnDate, DueDate = today.AddDays(20) },
                5 => task with { DeadlineKind = DeadlineKind.Standing, ReviewDates = [new DateOnly(year, 6, 30), new DateOnly(year, 12, 15)] },
                6 => task with
                {
                    LeadUnitName = "Ban Dân vận Tỉnh ủy", CoordinatingUnitNames = ["Đảng ủy Ủy ban nhân dân tỉnh"],
                    LeadTenantIds = [ids[MassMobilizationBoard]], CoordinatingTenantIds = [ids[PeoplesCommittee]],
                    DeadlineKind = DeadlineKind.Recurring, Recurrence = Recurrence.Quarterly,
                    RecurFrom = new DateOnly(year, 1, 1), RecurUntil = new DateOnly(year, 12, 31),
                },
                _ => task,
            };
            await actor.AsAsync(Province, ProvinceSecretary, m => m.Send(new SaveDirectivePointCommand(draft.Id, point.TaskId, task, point.Version), ct));
        }
        var issued = await actor.AsAsync(Province, ProvinceSecretary, m => m.Send(new IssueDirectiveCommand(draft.Id, "demo-1866"), ct));
        var handoffs = 0;
        foreach (var point in issued.Points)
            handoffs += (await actor.AsAsync(Province, ProvinceSecretary, m => m.Send(new GetTaskQuery(point.TaskId), ct))).Handoffs.Count;

        var steps = new Steps(actor, ct);
        await steps.InCommunesAsync(today);
        await actor.DrainOutboxAsync(ct);
        await steps.CommunesDecideAsync();
        await actor.DrainOutboxAsync(ct);
        await steps.ProvinceDecidesAsync(issued, today);
        await actor.DrainOutboxAsync(ct);
        return new DemoCascadeResult(true, issued.Id, handoffs, steps.Count);
    }

    /// <summary>What the units below do with the letter, in the order people would do it.</summary>
    private sealed class Steps(Actor actor, CancellationToken ct)
    {
        public int Count { get; private set; }

        private async Task<T> Do<T>(string tenant, string user, Func<IMediator, ValueTask<T>> send)
        {
            Count++;
            return await actor.AsAsync(tenant, user, send);
        }

        /// <summary>The received task for point <paramref name="point"/> in <paramref name="tenant"/>.</summary>
        private async Task<Guid> ReceivedAsync(string tenant, string user, int point)
        {
            var list = await actor.AsAsync(tenant, user, m => m.Send(new ListTasksQuery(TaskScope.Received, PageSize: 200), ct));
            // By origin too: the demo plan and dialogues hand the same units tasks with point numbers of their own.
            return list.Items.Single(t => t.PointNumber == point && t.Origin == TaskOrigin.Directive).Id;
        }

        private async Task<Guid> OnlyTaskAsync(string tenant, string user)
        {
            var list = await actor.AsAsync(tenant, user, m => m.Send(new ListTasksQuery(TaskScope.Received), ct));
            return list.Items.Single(t => t.Origin == TaskOrigin.Directive).Id;
        }

        private Task<TaskDetail> Acknowledge(string tenant, string user, Guid task, string? text = null) =>
            Do(tenant, user, m => m.Send(new AcknowledgeTaskCommand(task, text), ct));

        private Task<TaskDetail> Progress(string tenant, string user, Guid task, string text, decimal percent, string? period = null) =>
            Do(tenant, user, m => m.Send(new ReportProgressCommand(task, text, percent, period), ct));

        private Task<TaskDetail> Result(string tenant, string user, Guid task, string text) =>
            Do(tenant, user, m => m.Send(new ReportResultCommand(task, text), ct));

        private Task<TaskDetail> HandOff(string tenant, string user, Guid task, string[] lead, string[]? coordinating = null) =>
            Do(tenant, user, async m =>
            {
                var leadIds = new List<Guid>();
                foreach (var code in lead) leadIds.Add(await actor.TenantIdAsync(code, ct));
                var coordinatingIds = new List<Guid>();
                foreach (var code in coordinating ?? []) coordinatingIds.Add(await actor.TenantIdAsync(code, ct));
                return await m.Send(new HandOffTaskCommand(task, [.. leadIds], [.. coordinatingIds]), ct);
            });

        // Remembered between the phases: the commune tasks whose cells reported and the communes that report after.
        private readonly List<(string Commune, string Secretary, Guid Task, bool ReportAfter)> _awaitingCells = [];

        public async Task InCommunesAsync(DateOnly today)
        {
            // Phường Lương Văn Tri: takes on everything; splits point 1 to its three cells; Khối 1 has done it.
            const string lvt = "phuong-luong-van-tri";
            var lvt1 = await ReceivedAsync(lvt, "bithu.xa1", 1);
            for (var p = 1; p <= 5; p++)
                await Acknowledge(lvt, "bithu.xa1", await ReceivedAsync(lvt, "bithu.xa1", p), "Đảng ủy phường đã tiếp nhận, phân công triển khai.");
            await HandOff(lvt, "bithu.xa1", lvt1, [$"{lvt}-cb1", $"{lvt}-cb2", $"{lvt}-cb3"]);
            var cb1 = await OnlyTaskAsync($"{lvt}-cb1", "baocao.xa1");
            await Acknowledge($"{lvt}-cb1", "baocao.xa1", cb1);
            await Progress($"{lvt}-cb1", "baocao.xa1", cb1, "Đã tổ chức hội nghị quán triệt cho 100% đảng viên chi bộ.", 80);
            await Result($"{lvt}-cb1", "baocao.xa1", cb1, "Chi bộ Khối 1 đã quán triệt xong Kết luận 114-KL/TW và Công văn 1866-CV/TU; 42/42 đảng viên tham dự.");
            _awaitingCells.Add((lvt, "bithu.xa1", lvt1, false));
            await Progress(lvt, "baocao.xa1", await ReceivedAsync(lvt, "baocao.xa1", 2),
                "Đã xây dựng kế hoạch Năm dân vận chính quyền; đang triển khai tại các tổ dân phố.", 60);

            // Phường Tam Thanh: finished point 1 (late) and reports it; point 3 under way.
            const string tt = "phuong-tam-thanh";
            var tt1 = await ReceivedAsync(tt, "bithu.xa2", 1);
            await Acknowledge(tt, "bithu.xa2", tt1);
            await Result(tt, "bithu.xa2", tt1, "Đã tổ chức quán triệt tại 100% chi bộ trực thuộc; gửi kèm báo cáo số 45-BC/ĐU.");
            var tt3 = await ReceivedAsync(tt, "bithu.xa2", 3);
            await Acknowledge(tt, "bithu.xa2", tt3);
            await Progress(tt, "baocao.xa2", tt3, "Đã rà soát 27 thủ tục hành chính thuộc thẩm quyền của phường.", 40);

            // Xã Cao Lộc: splits point 2 to Bản Hẩu (lead) and Pò Nhùng (coordinating); Bản Hẩu half way.
            const string cl = "xa-cao-loc";
            var cl2 = await ReceivedAsync(cl, "bithu.xa3", 2);
            await Acknowledge(cl, "bithu.xa3", cl2);
            await HandOff(cl, "bithu.xa3", cl2, [$"{cl}-cb1"], [$"{cl}-cb2"]);
            var clCell = await OnlyTaskAsync($"{cl}-cb1", "baocao.xa3");
            await Acknowledge($"{cl}-cb1", "baocao.xa3", clCell);
            await Progress($"{cl}-cb1", "baocao.xa3", clCell, "Đã vận động 35 hộ hiến đất làm đường giao thông nông thôn.", 50);
            await Acknowledge(cl, "bithu.xa3", await ReceivedAsync(cl, "bithu.xa3", 1));

            // Xã Đồng Đăng: point 1 under way, behind schedule.
            const string dd = "xa-dong-dang";
            var dd1 = await ReceivedAsync(dd, "bithu.xa4", 1);
            await Acknowledge(dd, "bithu.xa4", dd1);
            await Progress(dd, "baocao.xa4", dd1, "Đã quán triệt tại 4/12 chi bộ; còn lại tổ chức trong tháng tới.", 30);

            // Xã Lộc Bình (xa5) and Xã Hữu Lũng (xa8) have not even acknowledged: they show red at the province.

            // Xã Đình Lập: point 4 done early and reported.
            const string dl = "xa-dinh-lap";
            var dl4 = await ReceivedAsync(dl, "bithu.xa6", 4);
            await Acknowledge(dl, "bithu.xa6", dl4);
            await Result(dl, "bithu.xa6", dl4, "Đã tổ chức 3 hội nghị đối thoại giữa Bí thư, Chủ tịch xã với Nhân dân; 100% kiến nghị được trả lời.");

            // Xã Bắc Sơn: acknowledged points 1 and 2, nothing more yet.
            const string bs = "xa-bac-son";
            await Acknowledge(bs, "bithu.xa7", await ReceivedAsync(bs, "bithu.xa7", 1));
            await Acknowledge(bs, "bithu.xa7", await ReceivedAsync(bs, "bithu.xa7", 2));

            // Xã Văn Quan: splits point 1 to Bản Quấn, which reports it done; the commune accepts and reports up.
            const string vq = "xa-van-quan";
            var vq1 = await ReceivedAsync(vq, "bithu.xa9", 1);
            await HandOff(vq, "bithu.xa9", vq1, [$"{vq}-cb1"]);
            var vqCell = await OnlyTaskAsync($"{vq}-cb1", "baocao.xa9");
            await Acknowledge($"{vq}-cb1", "baocao.xa9", vqCell);
            await Result($"{vq}-cb1", "baocao.xa9", vqCell, "Chi bộ Thôn Bản Quấn đã quán triệt cho 100% đảng viên và tuyên truyền tại 2 buổi họp thôn.");
            _awaitingCells.Add((vq, "bithu.xa9", vq1, true));

            // Ban Dân vận Tỉnh ủy (lead of point 6) reports each quarter that has ended; the People's Committee acknowledges.
            var board1 = await ReceivedAsync(MassMobilizationBoard, "truongban.danvan", 6);
            await Acknowledge(MassMobilizationBoard, "truongban.danvan", board1);
            var detail = await actor.AsAsync(MassMobilizationBoard, "truongban.danvan", m => m.Send(new GetTaskQuery(board1), ct));
            var ended = detail.Periods.Where(p => p.End < today).ToList();
            foreach (var (period, i) in ended.Select((p, i) => (p, i)))
                await Progress(MassMobilizationBoard, "truongban.danvan", board1,
                    $"Báo cáo kết quả theo dõi, đôn đốc thực hiện Kết luận 114-KL/TW {period.Label.ToLowerInvariant()}.",
                    Math.Round(100m * (i + 1) / detail.Periods.Count), period.Label);
            await Acknowledge(PeoplesCommittee, "bithu.ubnd", await ReceivedAsync(PeoplesCommittee, "bithu.ubnd", 6));
        }

        /// <summary>The communes accept their cells' results (the cells' reports have reached them by now).</summary>
        public async Task CommunesDecideAsync()
        {
            foreach (var (commune, secretary, task, reportAfter) in _awaitingCells)
            {
                var detail = await actor.AsAsync(commune, secretary, m => m.Send(new GetTaskQuery(task), ct));
                foreach (var handoff in detail.Handoffs.Where(h => h.State == TaskState.ResultReported))
                    await Do(commune, secretary, m => m.Send(new DecideOnHandoffCommand(task, handoff.Id, TaskActions.Accept,
                        "Đồng ý nghiệm thu kết quả của chi bộ.", handoff.Version), ct));
                if (reportAfter)
                    await Result(commune, secretary, task, "Đảng ủy xã Văn Quan đã hoàn thành việc quán triệt tại 100% chi bộ trực thuộc.");
            }
        }

        /// <summary>
        /// The province accepts Tam Thanh's point 1 (late), Đình Lập's point 4 (on time) and Văn Quan's point 1 (late),
        /// and records the Ban Dân vận's quarterly reports on point 6 as received, which moves its own deadline to the
        /// current quarter's end (the periods of a unit's own recurring task advance only by its own reports).
        /// </summary>
        public async Task ProvinceDecidesAsync(DirectiveDetail issued, DateOnly today)
        {
            foreach (var point in issued.Points.Where(p => p.PointNumber is 1 or 4))
            {
                var detail = await actor.AsAsync(Province, ProvinceSecretary, m => m.Send(new GetTaskQuery(point.TaskId), ct));
                foreach (var handoff in detail.Handoffs.Where(h => h.State == TaskState.ResultReported))
                    await Do(Province, ProvinceSecretary, m => m.Send(new DecideOnHandoffCommand(point.TaskId, handoff.Id, TaskActions.Accept,
                        null, handoff.Version), ct));
            }
            var sixth = issued.Points.Single(p => p.PointNumber == 6).TaskId;
            var periods = (await actor.AsAsync(Province, ProvinceSecretary, m => m.Send(new GetTaskQuery(sixth), ct))).Periods;
            foreach (var period in periods.Where(p => p.End < today))
                await Do(Province, ProvinceSecretary, m => m.Send(new ReportProgressCommand(sixth,
                    $"Ban Thường vụ Tỉnh ủy đã nhận báo cáo {period.Label.ToLowerInvariant()} của Ban Dân vận Tỉnh ủy.", null, period.Label), ct));
        }
    }

    /// <summary>Sends requests as one person in one tenant, each in its own scope, as a request of the app would.</summary>
    private sealed class Actor(IServiceProvider services, TenantStore store, IReadOnlyDictionary<string, Guid> people)
    {
        private readonly DemoActors _actors = new(services, "demo-cascade");

        public async Task<Guid> TenantIdAsync(string code, CancellationToken ct) =>
            (await store.FindByCodeAsync(code, ct) ?? throw new InvalidOperationException($"No tenant {code} in the demo tree.")).Id;

        public async Task<T> AsAsync<T>(string tenantCode, string userName, Func<IMediator, ValueTask<T>> send)
        {
            var tenant = await store.FindByCodeAsync(tenantCode) ?? throw new InvalidOperationException($"No tenant {tenantCode} in the demo tree.");
            if (!people.TryGetValue(userName, out var userId)) throw new InvalidOperationException($"No user {userName} in the demo tree.");
            return await _actors.AsAsync(tenant, userId, sp => send(sp.GetRequiredService<IMediator>()));
        }

        public Task DrainOutboxAsync(CancellationToken ct) => _actors.DrainOutboxAsync(ct);
    }

    private static async Task<Dictionary<string, Guid>> UserIdsAsync(IServiceProvider services, CancellationToken ct)
    {
        var actors = new DemoActors(services, "demo-cascade");
        var names = new[] { ProvinceSecretary, "truongban.danvan", "bithu.ubnd" }
            .Concat(Enumerable.Range(1, 9).SelectMany(i => new[] { $"bithu.xa{i}", $"baocao.xa{i}" }));
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            ct.ThrowIfCancellationRequested();
            ids[name] = await actors.UserIdAsync(name);
        }
        return ids;
    }


    /// <summary>The letter's text from "Qua 5 năm" to the end of point 6, and its "Nơi nhận" block.</summary>
    public const string Body = """
        Qua 5 năm thực hiện Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư Trung ương Đảng khoá XI về nâng cao hiệu quả công tác dân vận của cơ quan Nhà nước các cấp, công tác dân vận của các cơ quan Nhà nước trên địa bàn tỉnh đã được triển khai thực hiện nghiêm túc, hiệu quả, có nhiều đổi mới về nội dung và phương thức thực hiện; nâng cao nhận thức của các cấp ủy đảng, chính quyền, nhất là người đứng đầu về công tác dân vận; nhận thức, hành động và tác phong, lề lối làm việc, ý thức phục vụ nhân dân của cấp uỷ, chính quyền và đội ngũ cán bộ, công chức, viên chức Nhà nước được nâng lên rõ rệt; hiệu quả thực thi công vụ, tuyên truyền, vận động, hướng dẫn, giúp đỡ, thuyết phục nhân dân thực hiện tốt chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước được nâng lên; qua đó, nâng cao chất lượng hoạt động, hiệu lực, hiệu quả của bộ máy quản lý hành chính Nhà nước, góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, đảm bảo quốc phòng, an ninh trên địa bàn.

        Tuy nhiên, bên cạnh những kết quả đạt được, công tác dân vận của các cơ quan nhà nước vẫn còn một số mặt hạn chế, như: Nhận thức của một số cấp ủy, chính quyền, nhất là cấp cơ sở còn hạn chế; việc tổ chức thực hiện có mặt còn hình thức, chung chung. Công tác tuyên truyền, vận động hướng dẫn nhân dân thực hiện các chủ trương chính sách của Đảng và Nhà nước có nơi còn hình thức, chưa kịp thời; việc công khai minh bạch hoạt động của cơ quan Nhà nước ở một số nơi còn hình thức, chưa thực chất. Cơ chế giám sát, phản biện xã hội, tham gia quản lý nhà nước, góp ý xây dựng đảng, xây dựng chính quyền chưa được triển khai hiệu quả, đồng bộ; phương pháp phối hợp, nắm bắt tình hình Nhân dân còn hình thức, chưa cụ thể; công tác tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo của công dân trong lĩnh vực quản lý nhà nước về đất đai, bảo vệ môi trường ở một số địa bàn chưa chặt chẽ, gây bức xúc, khiếu kiện kéo dài... năng lực, trình độ, trách nhiệm của một số cán bộ, công chức làm công tác dân vận còn hạn chế, chưa đáp ứng được yêu cầu.

        Để tiếp tục thực hiện tốt công tác dân vận của cơ quan Nhà nước các cấp trong thời gian tới, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy đảng, chính quyền, Mặt trận Tổ quốc và tổ chức chính trị - xã hội tiếp tục quán triệt, thực hiện tốt một số nhiệm vụ, giải pháp sau:

        1. Tiếp tục tăng cường sự lãnh đạo, chỉ đạo của các cấp uỷ đảng, chính quyền, sự tham gia của Mặt trận Tổ quốc và tổ chức chính trị - xã hội đẩy mạnh công tác tuyên truyền, quán triệt thực hiện nghiêm túc các văn bản của Trung ương, của tỉnh về công tác dân vận¹, tạo sự chuyển biến mạnh mẽ về nhận thức, trách nhiệm của các cơ quan, tổ chức trong hệ thống chính trị, nhất là cơ quan Nhà nước, chính quyền các cấp, người đứng đầu, cán bộ, đảng viên, công chức, viên chức về công tác dân vận.

        2. Thực hiện tốt nội dung “*Năm dân vận chính quyền*”, tạo chuyển biến tích cực trong công tác dân vận của các cơ quan Nhà nước, chính quyền các cấp, bảo đảm thực hiện tốt quan hệ giữa chính quyền với Nhân dân. Tăng cường sự phối hợp thường xuyên giữa các cơ quan, đơn vị, tổ chức trong hệ thống chính trị để thực hiện công tác dân vận, nhất là công tác phối hợp giữa Ban Dân vận với Ủy ban nhân dân các cấp. Tăng cường công tác dân vận trong thực hiện giải phóng mặt bằng các dự án đầu tư phát triển kinh tế - xã hội theo Hướng dẫn số 04-HD/TU, ngày 19/5/2017 của Ban Thường vụ Tỉnh ủy.

        3. Tiếp tục thực hiện hiệu quả công tác cải cách hành chính, thường xuyên rà soát hệ thống văn bản quản lý Nhà nước hiện hành, nhất là các văn bản quy phạm pháp luật để kịp thời đề xuất sửa đổi, bổ sung bảo đảm theo nguyên tắc mọi chủ trương của Đảng, chính sách pháp luật của Nhà nước phải xuất phát từ lợi ích và nguyện vọng chính đáng của Nhân dân, phù hợp với Hiến pháp và pháp luật; đẩy mạnh cải cách thủ tục hành chính, nhất là những lĩnh vực liên quan đến phục vụ người dân, doanh nghiệp; tiếp tục nghiên cứu, đề xuất phương án sắp xếp, kiện toàn tổ chức, nâng cao chất lượng, hiệu quả, hiệu lực của bộ máy Nhà nước, thực hiện tinh giản biên chế, cơ cấu lại đội ngũ cán bộ, công chức, viên chức theo Nghị quyết số 39-NQ/TW của Bộ Chính trị.

        Tăng cường kỷ luật, kỷ cương, nâng cao trách nhiệm, đạo đức công vụ của đội ngũ cán bộ, công chức, viên chức, xây dựng phong cách “*trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân*”, “*nghe dân nói, nói dân hiểu, làm dân tin*”, thường xuyên đánh giá sự hài lòng của người dân đối với cơ quan hành chính các cấp, gắn với lấy phiếu tín nhiệm trong hoạt động của các cơ quan dân cử. Nghiêm túc tiếp thu ý kiến phê bình, góp ý của Nhân dân về công tác quản lý, điều hành, về thái độ và tác phong làm việc của cán bộ, công chức, viên chức. Tăng cường công tác thanh tra, kiểm tra, kiên quyết xử lý những cán bộ, công chức, viên chức quan liêu, tham nhũng, sách nhiễu, hách dịch, cửa quyền và năng lực, phẩm chất yếu kém, vi phạm pháp luật. Tiếp thu ý kiến phản biện, góp ý của Nhân dân, doanh nghiệp, sớm phát hiện những hạn chế, thiếu sót, bất cập trong chủ trương, chính sách để khắc phục, điều chỉnh hoặc kiến nghị sửa đổi, bổ sung kịp thời, phù hợp.

        1. Trọng tâm là Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương khóa XI về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới; Quyết định số 290-QĐ/TW, ngày 25/02/2010 của Bộ Chính trị khóa X về ban hành Quy chế công tác dân vận của hệ thống chính trị; Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư Trung ương Đảng khoá XI về nâng cao hiệu quả công tác dân vận của cơ quan Nhà nước các cấp; Chỉ thị số 16/CT-TTg, ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường và đổi mới công tác dân vận trong cơ quan hành chính Nhà nước, chính quyền các cấp trong tình hình mới.

        Thực hiện tốt công tác tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo, tổ chức đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân, doanh nghiệp bảo đảm đúng quy định, chất lượng. Giải quyết kịp thời, đúng pháp luật những vụ việc nổi cộm, phức tạp kéo dài thông qua tiếp dân, đối thoại, bảo đảm thực chất, có lộ trình giảm dần, tiến tới giải quyết dứt điểm các vụ việc phức tạp, không để phát sinh mới ngay từ cơ sở. Chủ động thông tin, tuyên truyền về công tác giải quyết khiếu nại, tố cáo để Nhân dân hiểu đúng bản chất sự việc, tạo đồng thuận trong xã hội.

        4. Tiếp tục chỉ đạo thực hiện tốt Quy chế dân chủ ở cơ sở, phát huy vai trò của Mặt trận Tổ quốc, các tổ chức chính trị - xã hội và Nhân dân trong tham gia quản lý xã hội, giám sát hoạt động của cơ quan Nhà nước, công chức, viên chức, người đứng đầu các cơ quan hành chính Nhà nước theo quy định. Tiếp tục đổi mới nội dung, phương thức trong việc tiếp nhận, nắm bắt và dự báo tình hình dư luận xã hội theo hướng chủ động, tích cực, kịp thời và sát với cơ sở. Tăng cường sự phối hợp giữa chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội về công tác dân vận.

        5. Thường xuyên kiểm tra, giám sát việc thực hiện công tác dân vận, thực hiện Quy chế dân chủ ở cơ sở trong hoạt động của các cấp chính quyền; đưa kết quả thực hiện nhiệm vụ công tác dân vận là một trong những tiêu chí đánh giá, phân loại thi đua, khen thưởng đối với tập thể, cá nhân các cơ quan nhà nước các cấp. Đẩy mạnh các phong trào thi đua yêu nước trên tất cả các lĩnh vực gắn với phong trào thi đua “Dân vận khéo” và việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; kịp thời biểu dương, nhân rộng các điển hình tiên tiến trong hoạt động công vụ, cải cách hành chính, trong quan hệ với Nhân dân; phê bình, rút kinh nghiệm những địa bàn, cơ quan, đơn vị thực hiện không nghiêm, không tốt.

        6. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Ban cán sự đảng Ủy ban nhân dân tỉnh thường xuyên theo dõi, kiểm tra, đôn đốc việc thực hiện Kết luận số 114-KL/TW và nội dung chỉ đạo tại Công văn này; định kỳ báo cáo kết quả với Ban Thường vụ Tỉnh ủy.

        Nơi nhận:
        - Ban Dân vận Trung ương (b/c),
        - Thường trực Tỉnh ủy,
        - Thường trực Hội đồng nhân dân,
        - Ủy ban nhân dân tỉnh,
        - Các ban đảng, đảng đoàn, ban cán sự đảng tỉnh,
        - Các sở, ban, ngành tỉnh,
        - Các đ/c Tỉnh ủy viên,
        - Lưu Văn phòng Tỉnh ủy.
        """;
}
