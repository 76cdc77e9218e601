using System.Collections.Concurrent;
using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;
using CommitteeCloud.Web.Platform.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommitteeCloud.IntegrationTests.Commitments;

/// <summary>A parent opens registration; its children register, are returned, resubmit and are approved; the board follows.</summary>
public sealed class CommitmentRoundShould(AppFixture app)
{
    [Fact]
    public async Task Carry_a_registration_through_return_resubmission_and_approval()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);

        var round = await root.OpenRoundAsync(tree.Root, a, b);
        Assert.Equal(2, round.GetProperty("counts").GetProperty("notYet").GetInt32());
        var roundId = round.Id();
        var commitment = await aClient.OnlyCommitmentAsync(tree.ChildA);
        var detail = await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/commitments/{commitment}");
        Assert.Equal("Đăng ký theo Hướng dẫn số 12-HD/BDVTU", detail.Str("guidance"));
        Assert.True(detail.GetProperty("canRegister").GetBoolean());

        await (await aClient.RegisterAsync(tree.ChildA, commitment, CommitmentApi.Registration())).Content.ReadAsStringAsync();
        var board = await Eventually.ValueAsync(() => root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/commitment-rounds/{roundId}"),
            r => r.SlotOf(tree.ChildA).Str("status") == "Registered");
        var slot = board.SlotOf(tree.ChildA);
        Assert.Equal("Hoàn thành xuất sắc nhiệm vụ", slot.Str("titleSought"));
        Assert.Equal(2, slot.GetProperty("targets").GetArrayLength());
        Assert.Equal("NotYet", board.SlotOf(tree.ChildB).Str("status"));
        // The commune's new model was registered in the commune with the commitment.
        var models = await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/models");
        Assert.Equal(1, models.GetArrayLength());

        await root.PostOkAsync($"/t/{tree.Root}/api/commitment-rounds/{roundId}/slots/{slot.Id()}/decision",
            new { decision = "return", comment = "Bổ sung chỉ tiêu về đối thoại với Nhân dân" });
        detail = await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/commitments/{commitment}");
        Assert.Equal("Returned", detail.Str("state"));
        Assert.Equal("Bổ sung chỉ tiêu về đối thoại với Nhân dân", detail.Str("lastComment"));

        var modelId = models[0].Id();
        var revised = await aClient.PutAsJsonAsync($"/t/{tree.ChildA}/api/commitments/{commitment}", new
        {
            titleSought = "Tập thể lao động xuất sắc",
            targets = new object[] { new { name = "Hội nghị đối thoại với Nhân dân", unit = "cuộc", target = 2 } },
            models = new object[] { new { modelId } },
        }).OkJsonAsync();
        Assert.Equal(2, revised.GetProperty("revision").GetInt32());
        board = await Eventually.ValueAsync(() => root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/commitment-rounds/{roundId}"),
            r => r.SlotOf(tree.ChildA).GetProperty("revision").GetInt32() == 2);
        Assert.Equal("Registered", board.SlotOf(tree.ChildA).Str("status"));
        var approved = await root.PostOkAsync($"/t/{tree.Root}/api/commitment-rounds/{roundId}/slots/{slot.Id()}/decision", new { decision = "approve" });
        Assert.Equal("Approved", approved.SlotOf(tree.ChildA).Str("status"));
        Assert.Equal(1, approved.GetProperty("counts").GetProperty("approved").GetInt32());
        var kinds = approved.SlotOf(tree.ChildA).GetProperty("history").EnumerateArray().Select(h => h.Str("kind")).ToArray();
        Assert.Equal(["Submitted", "Returned", "Submitted", "Approved"], kinds);

        detail = await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/commitments/{commitment}");
        Assert.Equal("Approved", detail.Str("state"));
        Assert.False(detail.GetProperty("canRegister").GetBoolean());
        Assert.Equal(["Opened", "Submitted", "Returned", "Submitted", "Approved"], detail.GetProperty("history").EnumerateArray().Select(h => h.Str("kind")).ToArray());

        // Year end: two dialogues held against two committed, the model not recognized: not met.
        var results = await aClient.PostOkAsync($"/t/{tree.ChildA}/api/commitments/{commitment}/results", new { actuals = new decimal?[] { 2 } });
        Assert.True(results.GetProperty("targets")[0].GetProperty("met").GetBoolean());
        Assert.False(results.GetProperty("models")[0].GetProperty("recognized").GetBoolean());
        Assert.False(results.GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task Refuse_bad_registrations_with_the_field_and_write_nothing()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        var round = await root.OpenRoundAsync(tree.Root, a);
        var commitment = await aClient.OnlyCommitmentAsync(tree.ChildA);

        var negative = await (await aClient.RegisterAsync(tree.ChildA, commitment, CommitmentApi.Registration(target: -5))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(negative.FieldErrors("targets[0].target"));
        var noModels = await (await aClient.RegisterAsync(tree.ChildA, commitment, CommitmentApi.Registration(models: 0))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noModels.FieldErrors("models"));

        // The deadline passes: registering is refused until the parent reopens it for the commune.
        await app.AdminSqlAsync($"UPDATE commitments SET deadline = current_date - 1, original_deadline = current_date - 1 WHERE id = '{commitment}'");
        var late = await (await aClient.RegisterAsync(tree.ChildA, commitment, CommitmentApi.Registration())).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(late.FieldErrors("deadline"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM mass_mobilization_models WHERE tenant_id = '{a}'"));
        Assert.Equal("NotRegistered", await app.AdminScalarAsync<string>($"SELECT state FROM commitments WHERE id = '{commitment}'"));

        var slot = round.SlotOf(tree.ChildA).Id();
        await root.PostOkAsync($"/t/{tree.Root}/api/commitment-rounds/{round.Id()}/slots/{slot}/decision",
            new { decision = "reopen", deadline = CommitmentApi.InDays(3), comment = "Gia hạn cho xã A" });
        var registered = await aClient.RegisterAsync(tree.ChildA, commitment, CommitmentApi.Registration()).OkJsonAsync();
        Assert.Equal("Submitted", registered.Str("state"));
        Assert.Equal(1L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM mass_mobilization_models WHERE tenant_id = '{a}'"));

        // Deciding on nothing registered, or returning without a comment, is refused too.
        var board = await Eventually.ValueAsync(() => root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/commitment-rounds/{round.Id()}"),
            r => r.SlotOf(tree.ChildA).Str("state") == "Submitted");
        var noComment = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/commitment-rounds/{round.Id()}/slots/{slot}/decision", new { decision = "return" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noComment.FieldErrors("Comment").Concat(noComment.FieldErrors("comment")));
        Assert.True(board.SlotOf(tree.ChildA).GetProperty("submittedLate").GetBoolean());
    }

    [Fact]
    public async Task Push_the_board_live_when_a_child_registers()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        var round = await root.OpenRoundAsync(tree.Root, a);
        var commitment = await aClient.OnlyCommitmentAsync(tree.ChildA);

        await using var hub = await app.ConnectHubAsync(tree.RootSecretary);
        var events = new ConcurrentQueue<LiveTenantEvent>();
        var notifications = new ConcurrentQueue<LiveNotification>();
        hub.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => events.Enqueue(e));
        hub.On<LiveNotification>(LiveMethods.Notification, n => notifications.Enqueue(n));
        await hub.InvokeAsync<JoinedTenant>("JoinTenant", tree.Root);

        await aClient.RegisterAsync(tree.ChildA, commitment, CommitmentApi.Registration()).OkJsonAsync();
        var received = await Eventually.ValueAsync(() => Task.FromResult(events.ToArray()), e => e.Any(x => x.Type == "commitmentsChanged"));
        Assert.Contains(received, e => e.Type == "commitmentsChanged" && e.EntityId == round.Id());
        var told = await Eventually.ValueAsync(() => Task.FromResult(notifications.ToArray()), n => n.Any(x => x.Kind == "commitment-submitted"));
        Assert.Contains(told, n => n.Kind == "commitment-submitted" && n.TenantCode == tree.Root);
    }

    [Fact]
    public async Task Never_show_a_sibling_another_sibling_s_registration()
    {
        var tree = await app.CreateTreeAsync();
        var (a, b) = (await app.TenantIdAsync(tree.ChildA), await app.TenantIdAsync(tree.ChildB));
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        using var bClient = await app.ClientForAsync(tree.BSecretary);
        var round = await root.OpenRoundAsync(tree.Root, a, b);
        var aCommitment = await aClient.OnlyCommitmentAsync(tree.ChildA);
        await aClient.RegisterAsync(tree.ChildA, aCommitment, CommitmentApi.Registration()).OkJsonAsync();

        var bList = await bClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildB}/api/commitments");
        Assert.DoesNotContain(bList.EnumerateArray(), c => c.Id() == aCommitment);
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.GetAsync($"/t/{tree.ChildB}/api/commitments/{aCommitment}")).StatusCode);
        await (await bClient.RegisterAsync(tree.ChildB, aCommitment, CommitmentApi.Registration())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Nor the round's board, which lives in the parent.
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.GetAsync($"/t/{tree.ChildB}/api/commitment-rounds/{round.Id()}")).StatusCode);
        var bModels = await bClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildB}/api/models");
        Assert.Equal(0, bModels.GetArrayLength());
    }
}
