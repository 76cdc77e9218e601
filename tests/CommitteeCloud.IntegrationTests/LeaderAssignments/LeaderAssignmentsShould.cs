using System.Text.Json;
using CommitteeCloud.Web.Features.LeaderAssignments;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommitteeCloud.IntegrationTests.LeaderAssignments;

public sealed class LeaderAssignmentsShould(AppFixture app)
{
    private async Task<Guid> MembershipIdAsync(string tenantCode, string userName) => Guid.Parse((await app.AdminScalarAsync<string>(
        $"SELECT m.id::text FROM memberships m JOIN tenants t ON t.id = m.tenant_id JOIN users u ON u.id = m.user_id WHERE t.code = '{tenantCode}' AND u.user_name = '{userName}'"))!);

    private static object Decision(Guid leader, string number, string from, string? to = null, string scope = "Toàn diện công tác dân vận") => new
    {
        decisionNumber = number, decisionDate = from, signer = "Nguyễn Văn Ký", signerCapacity = "T/M Ban Thường vụ, Bí thư",
        leaderMembershipId = leader, position = "Phó Bí thư Đảng ủy", scope, effectiveFrom = from, effectiveTo = to,
    };

    [Fact]
    public async Task Record_an_assignment_that_covers_the_unit_for_its_ancestors()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var leader = await MembershipIdAsync(tree.ChildA, tree.AStaff);
        var created = await a.PostAsJsonAsync($"/t/{tree.ChildA}/api/leader-assignments", Decision(leader, "12-QĐ/ĐU", "2026-01-05"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var list = await a.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/leader-assignments");
        Assert.True(list.GetProperty("hasAssignmentInForce").GetBoolean());
        Assert.Equal($"Người dùng {tree.AStaff}", list.GetProperty("assignments")[0].GetProperty("leaderName").GetString());

        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        var coverage = await Eventually.ValueAsync(() => supervisor.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/tree/leader-coverage"),
            // The unit summaries are projected from the outbox, so the whole tree shows up eventually, not at once.
            c => c.GetProperty("withLeader").GetInt32() == 1 && c.GetProperty("units").GetInt32() == 4);
        Assert.Equal(4, coverage.GetProperty("units").GetInt32());
        var uncovered = coverage.GetProperty("withoutLeader").EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain(tree.ChildA, uncovered);
        Assert.Contains(tree.ChildB, uncovered);
    }

    [Fact]
    public async Task Supersede_the_assignment_in_force_for_the_same_scope_and_keep_it_in_history()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var first = await MembershipIdAsync(tree.ChildA, tree.AStaff);
        var second = await MembershipIdAsync(tree.ChildA, tree.ASecretary);
        (await a.PostAsJsonAsync($"/t/{tree.ChildA}/api/leader-assignments", Decision(first, "12-QĐ/ĐU", "2025-01-05"))).EnsureSuccessStatusCode();
        // Same scope written differently (case, diacritics): still the same scope.
        (await a.PostAsJsonAsync($"/t/{tree.ChildA}/api/leader-assignments", Decision(second, "40-QĐ/ĐU", "2026-03-01", scope: "toan dien cong tac dan van"))).EnsureSuccessStatusCode();

        var list = (await a.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/leader-assignments")).GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal(["40-QĐ/ĐU", "12-QĐ/ĐU"], list.Select(x => x.GetProperty("decisionNumber").GetString()!).ToArray());
        Assert.Equal("Superseded", list[1].GetProperty("status").GetString());
        Assert.Equal("2026-02-28", list[1].GetProperty("effectiveTo").GetString());
        Assert.Equal("Current", list[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Refuse_an_overlapping_decision_bad_dates_and_a_leader_from_outside()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var leader = await MembershipIdAsync(tree.ChildA, tree.AStaff);
        (await a.PostAsJsonAsync($"/t/{tree.ChildA}/api/leader-assignments", Decision(leader, "12-QĐ/ĐU", "2026-01-05"))).EnsureSuccessStatusCode();

        var overlap = await (await a.PostAsJsonAsync($"/t/{tree.ChildA}/api/leader-assignments", Decision(leader, "13-QĐ/ĐU", "2025-12-01")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(overlap.FieldErrors("effectiveFrom"));
        var order = await (await a.PostAsJsonAsync($"/t/{tree.ChildA}/api/leader-assignments", Decision(leader, "14-QĐ/ĐU", "2026-06-01", to: "2026-05-01", scope: "Dân vận chính quyền")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(order.FieldErrors("effectiveTo"));
        var outsider = await MembershipIdAsync(tree.ChildB, tree.BSecretary);
        var foreign = await (await a.PostAsJsonAsync($"/t/{tree.ChildA}/api/leader-assignments", Decision(outsider, "15-QĐ/ĐU", "2026-06-01", scope: "Dân vận chính quyền")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(foreign.FieldErrors("leaderMembershipId"));
        Assert.Equal(1L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM leader_assignments WHERE tenant_id = '{await app.TenantIdAsync(tree.ChildA)}'"));
    }

    [Fact]
    public async Task Lapse_when_the_leader_leaves_and_tell_the_secretary_live()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var leader = await MembershipIdAsync(tree.ChildA, tree.AStaff);
        (await a.PostAsJsonAsync($"/t/{tree.ChildA}/api/leader-assignments", Decision(leader, "12-QĐ/ĐU", "2026-01-05"))).EnsureSuccessStatusCode();
        await using var hub = await app.ConnectHubAsync(tree.ASecretary);
        var told = new TaskCompletionSource<Web.Platform.Realtime.LiveNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<Web.Platform.Realtime.LiveNotification>("notification", n => { if (n.Kind == LeaderAssignmentLapses.Kind) told.TrySetResult(n); });

        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/t/{tree.ChildA}/api/members/{leader}")).StatusCode);

        var notification = await Eventually.WithinAsync(told);
        Assert.Contains("12-QĐ/ĐU", notification.Body);
        var list = await Eventually.ValueAsync(() => a.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/leader-assignments"),
            l => l.GetProperty("assignments")[0].GetProperty("status").GetString() == "Lapsed");
        Assert.False(list.GetProperty("hasAssignmentInForce").GetBoolean());
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        var coverage = await Eventually.ValueAsync(() => supervisor.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/tree/leader-coverage"),
            c => c.GetProperty("withoutLeader").EnumerateArray().Any(u => u.GetProperty("code").GetString() == tree.ChildA
                && u.GetProperty("reason").GetString()!.Contains("hết hiệu lực")));
        Assert.Equal(0, coverage.GetProperty("withLeader").GetInt32());
    }

    [Fact]
    public async Task Lapse_when_the_end_date_has_passed()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var leader = await MembershipIdAsync(tree.ChildA, tree.AStaff);
        (await a.PostAsJsonAsync($"/t/{tree.ChildA}/api/leader-assignments", Decision(leader, "3-QĐ/ĐU", "2024-01-01", to: "2025-12-31"))).EnsureSuccessStatusCode();

        var job = app.Services.GetRequiredService<LeaderAssignmentExpiryJob>();
        // Another run (the hosted one) may hold the advisory lock for a moment: this run then does nothing.
        var lapsed = await Eventually.ValueAsync(() => job.RunOnceAsync(CancellationToken.None), n => n is not null);
        Assert.True(lapsed >= 1, $"lapsed {lapsed}");
        var list = await Eventually.ValueAsync(() => a.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/leader-assignments"),
            l => l.GetProperty("assignments")[0].GetProperty("status").GetString() == "Lapsed");
        Assert.Contains("31/12/2025", list.GetProperty("assignments")[0].GetProperty("lapseReason").GetString());
        var inbox = await Eventually.ValueAsync(() => a.GetFromJsonAsync<JsonElement>("/api/me/notifications"),
            n => n.EnumerateArray().Any(x => x.GetProperty("kind").GetString() == LeaderAssignmentLapses.Kind));
        Assert.Contains(inbox.EnumerateArray(), x => x.GetProperty("kind").GetString() == LeaderAssignmentLapses.Kind);
    }

    [Fact]
    public async Task Refuse_to_remove_the_last_member_who_can_manage_members()
    {
        var tree = await app.CreateTreeAsync();
        using var b = await app.ClientForAsync(tree.BSecretary);
        var self = await MembershipIdAsync(tree.ChildB, tree.BSecretary);
        await (await b.DeleteAsync($"/t/{tree.ChildB}/api/members/{self}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await b.PutAsJsonAsync($"/t/{tree.ChildB}/api/members/{self}", new { roles = new[] { "StaffMember" } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM memberships WHERE id = '{self}'"));
    }
}
