using CommitteeCloud.Domain.Suggestions;
using CommitteeCloud.Web.Features.Demo;
using CommitteeCloud.Web.Features.Directives;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// A few suggestions in the demo province's box, sent and handled through the app's own commands as each person:
/// two anonymous and two named, one of each answered and published, one routed, one just received. Idempotent:
/// nothing is done when the province's box already holds anything.
/// </summary>
public static class DemoSuggestions
{
    private const string Officer = "canbo.danvan";
    private const string Head = "truongban.danvan";

    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var store = services.GetRequiredService<TenantStore>();
        var tenant = await store.FindByCodeAsync(DemoCascade.Province, ct);
        if (tenant is null) return 0;
        var actors = new DemoActors(services, "demo-suggestions");
        var people = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var name in new[] { "giamsat.tinh", "phobithu.tinh", Officer, Head })
            if (await actors.FindUserIdAsync(name) is { } id) people[name] = id;
        if (people.Count < 4) return 0;

        Task<T> As<T>(string user, Func<IMediator, ValueTask<T>> send) =>
            actors.AsAsync(tenant, people[user], sp => send(sp.GetRequiredService<IMediator>()));

        var board = await As(Officer, m => m.Send(new SuggestionBoardQuery(), ct));
        if (board.Items.Count > 0) return 0;

        var named = await As("giamsat.tinh", m => m.Send(new SubmitSuggestionCommand(
            "Rút gọn thủ tục trình ký văn bản", "Đề nghị cho phép trình ký văn bản thường xuyên qua phần mềm, không cần in bản giấy để xin ý kiến từng cấp.",
            SuggestionCategory.AdministrativeProcedures, Anonymous: false, ShowNameWhenPublished: true), ct));
        var anonymous = await As("phobithu.tinh", m => m.Send(new SubmitSuggestionCommand(
            "Phòng họp tầng 2 thiếu thiết bị trình chiếu", "Máy chiếu phòng họp tầng 2 hỏng đã lâu, các cuộc họp phải dùng màn hình nhỏ, người ngồi cuối phòng không theo dõi được.",
            SuggestionCategory.WorkingConditions, Anonymous: true), ct));
        await As(Officer, m => m.Send(new SubmitSuggestionCommand(
            "Góp ý về cách điều hành giao ban", "Giao ban tuần thường kéo dài, nhiều nội dung không liên quan đến các phòng; đề nghị gửi nội dung trước và họp theo chuyên đề.",
            SuggestionCategory.LeadershipStyle, Anonymous: true), ct));
        var routedOnly = await As("phobithu.tinh", m => m.Send(new SubmitSuggestionCommand(
            "Tập huấn sử dụng phần mềm", "Đề nghị tổ chức một buổi tập huấn sử dụng phần mềm cho cán bộ mới.",
            SuggestionCategory.Other, Anonymous: false, ShowNameWhenPublished: false), ct));

        await As(Officer, m => m.Send(new RouteSuggestionCommand(named.Id, people[Head], null), ct));
        await As(Head, m => m.Send(new AnswerSuggestionCommand(named.Id,
            "Văn phòng sẽ triển khai trình ký điện tử với văn bản thường xuyên từ tháng tới; văn bản mật vẫn trình bản giấy.", null), ct));
        await As(Officer, m => m.Send(new PublishSuggestionCommand(named.Id, null), ct));
        await As(Officer, m => m.Send(new RouteSuggestionCommand(anonymous.Id, people[Officer], null), ct));
        await As(Officer, m => m.Send(new AnswerSuggestionCommand(anonymous.Id,
            "Đã đề nghị Văn phòng thay máy chiếu mới; trong thời gian chờ, phòng họp tầng 1 được ưu tiên cho các cuộc họp đông người.", null), ct));
        await As(Officer, m => m.Send(new PublishSuggestionCommand(anonymous.Id, null), ct));
        await As(Officer, m => m.Send(new RouteSuggestionCommand(routedOnly.Id, people[Officer], null), ct));
        return 4;
    }

}
