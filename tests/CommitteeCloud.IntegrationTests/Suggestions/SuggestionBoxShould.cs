using System.Collections.Concurrent;
using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;
using CommitteeCloud.Web.Features.Indicators;
using CommitteeCloud.Web.Features.Suggestions;
using CommitteeCloud.Web.Platform.Realtime;
using CommitteeCloud.Web.Platform.Tenancy;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommitteeCloud.IntegrationTests.Suggestions;

/// <summary>The suggestion box end to end: send, follow, route, answer, publish, close; who sees what and who is told.</summary>
public sealed class SuggestionBoxShould(AppFixture app)
{
    private sealed class Listener : IAsyncDisposable
    {
        private readonly HubConnection _hub;
        public ConcurrentQueue<LiveNotification> Received { get; } = new();
        public ConcurrentQueue<LiveTenantEvent> TenantEvents { get; } = new();

        private Listener(HubConnection hub)
        {
            _hub = hub;
            hub.On<LiveNotification>(LiveMethods.Notification, n => Received.Enqueue(n));
            hub.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => TenantEvents.Enqueue(e));
        }

        public static async Task<Listener> ForAsync(AppFixture app, string user, string tenant)
        {
            var listener = new Listener(await app.ConnectHubAsync(user));
            await listener._hub.InvokeAsync<JoinedTenant>("JoinTenant", tenant);
            return listener;
        }

        public async Task<LiveNotification> KindAsync(string kind) =>
            (await Eventually.ValueAsync(() => Task.FromResult(Received.Where(n => n.Kind == kind).ToList()), l => l.Count > 0))[0];

        public ValueTask DisposeAsync() => _hub.DisposeAsync();
    }

    [Fact]
    public async Task Route_answer_and_publish_telling_each_person_concerned()
    {
        var tree = await app.CreateTreeAsync();
        var secretaryId = await app.UserIdAsync(tree.ASecretary);
        await using var staffHub = await Listener.ForAsync(app, tree.AStaff, tree.ChildA);
        await using var secretaryHub = await Listener.ForAsync(app, tree.ASecretary, tree.ChildA);
        using var staff = await app.ClientForAsync(tree.AStaff);
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var api = $"/t/{tree.ChildA}/api/suggestions";

        var named = await staff.SubmitAsync(tree.ChildA, SuggestionApi.Named(showName: true));
        Assert.Equal(JsonValueKind.Null, named.GetProperty("receiptCode").ValueKind);
        var anonymous = await staff.SubmitAsync(tree.ChildA, SuggestionApi.Anonymous());
        var code = anonymous.Str("receiptCode");

        // The board has both; the named one shows its sender, the anonymous one nobody. Named sending refreshed the board.
        var board = await secretary.GetFromJsonAsync<JsonElement>($"{api}/board");
        Assert.Equal(2, board.GetProperty("counts").GetProperty("Received").GetInt32());
        var anonymousOnBoard = board.GetProperty("items").EnumerateArray().Single(i => i.Id() == anonymous.Id());
        Assert.Equal(JsonValueKind.Null, anonymousOnBoard.GetProperty("authorName").ValueKind);
        Assert.Equal($"Người dùng {tree.AStaff}", board.GetProperty("items").EnumerateArray().Single(i => i.Id() == named.Id()).Str("authorName"));
        await Eventually.ValueAsync(() => Task.FromResult(secretaryHub.TenantEvents.Count(e => e.Type == SuggestionLive.Changed)), n => n >= 1);

        // Route both to the secretary, who is told; answer; the named sender is told, nobody is told about the anonymous one.
        var responsibles = await secretary.GetFromJsonAsync<JsonElement>($"{api}/responsibles");
        Assert.Contains(responsibles.EnumerateArray(), r => r.GetProperty("userId").GetGuid() == secretaryId);
        foreach (var id in new[] { named.Id(), anonymous.Id() })
        {
            var routed = await secretary.PostOkAsync($"{api}/{id}/route", new { responsibleUserId = secretaryId, version = 1 });
            Assert.Equal("Routed", routed.Str("status"));
        }
        Assert.Contains("Góp ý cần bạn xử lý", (await secretaryHub.KindAsync(SuggestionNotifications.RoutedKind)).Title);
        var stale = await secretary.PostAsJsonAsync($"{api}/{anonymous.Id()}/answer", new { text = "Sẽ lắp đèn trong tháng", version = 1 });
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var answered = await secretary.PostOkAsync($"{api}/{anonymous.Id()}/answer", new { text = "Sẽ lắp đèn trong tháng", version = 2 });
        Assert.Equal("Answered", answered.Str("status"));
        Assert.Equal($"Người dùng {tree.ASecretary}", answered.Str("answeredByName"));
        await secretary.PostOkAsync($"{api}/{named.Id()}/answer", new { text = "Đã triển khai trên phần mềm", version = 2 });
        Assert.Contains("đã được trả lời", (await staffHub.KindAsync(SuggestionNotifications.AnsweredKind)).Title);

        // The anonymous sender follows theirs with the code (any case, any dashes); a wrong code is a 404.
        var followed = await staff.PostOkAsync($"{api}/lookup", new { receiptCode = code.Replace("-", "").ToLowerInvariant() });
        Assert.Equal("Sẽ lắp đèn trong tháng", followed.Str("answer"));
        var wrong = await staff.PostAsJsonAsync($"{api}/lookup", new { receiptCode = "AAAA-BBBB-CCCC-DDDD" });
        await wrong.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // Published: every member is told and reads both, the anonymous one without a sender, the named one with its allowed name.
        await secretary.PostOkAsync($"{api}/{anonymous.Id()}/publish", new { version = 3 });
        await secretary.PostOkAsync($"{api}/{named.Id()}/publish", new { });
        await staffHub.KindAsync(SuggestionNotifications.PublishedKind);
        var published = await staff.GetFromJsonAsync<JsonElement>($"{api}/published");
        Assert.Equal(2, published.GetArrayLength());
        var anonymousPublished = published.EnumerateArray().Single(p => p.Id() == anonymous.Id());
        Assert.Equal(JsonValueKind.Null, anonymousPublished.GetProperty("authorName").ValueKind);
        Assert.Equal("Sẽ lắp đèn trong tháng", anonymousPublished.Str("answer"));
        var namedPublished = published.EnumerateArray().Single(p => p.Id() == named.Id());
        Assert.Equal($"Người dùng {tree.AStaff}", namedPublished.Str("authorName"));
        Assert.Equal(JsonValueKind.Null, namedPublished.GetProperty("contactPhone").ValueKind);
        Assert.DoesNotContain(tree.AStaff, anonymousPublished.ToString());

        // No notification anywhere was addressed about the anonymous one to its sender beyond the unit-wide publication.
        var inbox = await staff.GetFromJsonAsync<JsonElement>("/api/me/notifications?take=200");
        Assert.Single(inbox.EnumerateArray(), n => n.Str("kind") == SuggestionNotifications.AnsweredKind);
    }

    [Fact]
    public async Task Hide_the_name_of_a_named_sender_who_did_not_allow_it_and_close_with_a_reason()
    {
        var tree = await app.CreateTreeAsync();
        using var staff = await app.ClientForAsync(tree.AStaff);
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var api = $"/t/{tree.ChildA}/api/suggestions";
        var hidden = await staff.SubmitAsync(tree.ChildA, SuggestionApi.Named("Không muốn hiện tên", showName: false));
        var other = await staff.SubmitAsync(tree.ChildA, SuggestionApi.Named("Trùng lặp"));

        await secretary.PostOkAsync($"{api}/{hidden.Id()}/answer", new { text = "Đã tiếp thu" });
        var cannotClose = await secretary.PostAsJsonAsync($"{api}/{hidden.Id()}/close", new { text = "x" });
        Assert.NotEmpty((await cannotClose.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("status"));
        await secretary.PostOkAsync($"{api}/{hidden.Id()}/publish", new { });
        var closed = await secretary.PostOkAsync($"{api}/{other.Id()}/close", new { text = "Trùng với góp ý đã trả lời" });
        Assert.Equal("Closed", closed.Str("status"));
        var noReason = await secretary.PostAsJsonAsync($"{api}/{other.Id()}/close", new { text = "" });
        Assert.NotEmpty((await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("reason"));

        var published = await staff.GetFromJsonAsync<JsonElement>($"{api}/published");
        Assert.Equal(JsonValueKind.Null, published.EnumerateArray().Single().GetProperty("authorName").ValueKind);
        var mine = await staff.GetFromJsonAsync<JsonElement>($"{api}/mine");
        Assert.Equal(2, mine.GetArrayLength());
        Assert.Contains(mine.EnumerateArray(), m => m.Str("status") == "Closed" && m.Str("closeReason") == "Trùng với góp ý đã trả lời");
    }

    [Fact]
    public async Task Keep_the_board_and_others_unpublished_suggestions_from_members_who_do_not_answer()
    {
        var tree = await app.CreateTreeAsync();
        using var staff = await app.ClientForAsync(tree.AStaff);
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var api = $"/t/{tree.ChildA}/api/suggestions";
        var secretarys = await secretary.SubmitAsync(tree.ChildA, SuggestionApi.Named("Của bí thư"));
        var anonymous = await secretary.SubmitAsync(tree.ChildA, SuggestionApi.Anonymous());
        var own = await staff.SubmitAsync(tree.ChildA, SuggestionApi.Named("Của cán bộ"));

        await (await staff.GetAsync($"{api}/board")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.GetAsync($"{api}/responsibles")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        foreach (var action in new[] { "route", "answer", "publish", "close" })
            await (await staff.PostAsJsonAsync($"{api}/{own.Id()}/{action}", new { text = "x", responsibleUserId = Guid.NewGuid() }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.GetAsync($"{api}/{secretarys.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.GetAsync($"{api}/{anonymous.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Của cán bộ", (await staff.GetFromJsonAsync<JsonElement>($"{api}/{own.Id()}")).Str("subject"));
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>($"{api}/published")).GetArrayLength());
        Assert.Single((await staff.GetFromJsonAsync<JsonElement>($"{api}/mine")).EnumerateArray());
        // The secretary's lookup of their own code works; nobody's "mine" lists an anonymous one.
        Assert.Single((await secretary.GetFromJsonAsync<JsonElement>($"{api}/mine")).EnumerateArray());

        // Routing only to someone who answers suggestions.
        var notAnswerer = await app.UserIdAsync(tree.AStaff);
        var refused = await secretary.PostAsJsonAsync($"{api}/{own.Id()}/route", new { responsibleUserId = notAnswerer });
        Assert.NotEmpty((await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("responsibleUserId"));
    }

    [Fact]
    public async Task Count_received_answered_and_anonymous_suggestions_for_the_plan()
    {
        var tree = await app.CreateTreeAsync();
        using var staff = await app.ClientForAsync(tree.AStaff);
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        var api = $"/t/{tree.ChildA}/api/suggestions";
        var first = await staff.SubmitAsync(tree.ChildA, SuggestionApi.Anonymous("Một"));
        await staff.SubmitAsync(tree.ChildA, SuggestionApi.Anonymous("Hai"));
        await staff.SubmitAsync(tree.ChildA, SuggestionApi.Named());
        await secretary.PostOkAsync($"{api}/{first.Id()}/answer", new { text = "Đã trả lời" });
        using var otherClient = await app.ClientForAsync(tree.BSecretary);
        await otherClient.SubmitAsync(tree.ChildB, SuggestionApi.Anonymous("Đơn vị khác"));

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        await using var scope = app.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantStore>().FindByCodeAsync(tree.ChildA);
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant, null);
        var figures = await scope.ServiceProvider.GetServices<IIndicatorSource>().OfType<SuggestionIndicators>().Single()
            .CountAsync(today.AddDays(-1), today.AddDays(1), CancellationToken.None);
        Assert.Equal(3m, figures[SuggestionIndicators.Received]);
        Assert.Equal(1m, figures[SuggestionIndicators.Answered]);
        Assert.Equal(2m, figures[SuggestionIndicators.Anonymous]);
        var none = await scope.ServiceProvider.GetServices<IIndicatorSource>().OfType<SuggestionIndicators>().Single()
            .CountAsync(today.AddDays(2), today.AddDays(30), CancellationToken.None);
        Assert.All(none.Values, v => Assert.Equal(0m, v));
    }
}
