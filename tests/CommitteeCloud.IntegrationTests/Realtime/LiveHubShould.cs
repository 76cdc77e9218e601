using CommitteeCloud.Web.Platform.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommitteeCloud.IntegrationTests.Realtime;

/// <summary>Real SignalR connections over WebSockets to the running app.</summary>
public sealed class LiveHubShould(AppFixture app)
{
    [Fact]
    public async Task Push_a_notification_to_the_person_added_to_a_tenant()
    {
        var tree = await app.CreateTreeAsync();
        await using var hub = await app.ConnectHubAsync(tree.BSecretary);
        var received = new TaskCompletionSource<LiveNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<LiveNotification>(LiveMethods.Notification, n => { if (n.TenantCode == tree.Root) received.TrySetResult(n); });

        using var client = await app.ClientForAsync(tree.RootSecretary);
        (await client.PostAsJsonAsync($"/t/{tree.Root}/api/members", new { email = $"{tree.BSecretary}@test.vn", roles = new[] { "Supervisor" } }))
            .EnsureSuccessStatusCode();

        var notification = await Eventually.WithinAsync(received);
        Assert.Equal("member-added", notification.Kind);
        Assert.Contains("Giám sát cấp trên", notification.Body);
    }

    [Fact]
    public async Task Let_a_member_join_their_tenant_and_receive_its_events()
    {
        var tree = await app.CreateTreeAsync();
        await using var hub = await app.ConnectHubAsync(tree.AStaff);
        var joined = await hub.InvokeAsync<JoinedTenant>("JoinTenant", tree.ChildA);
        Assert.Equal(["StaffMember"], joined.Roles);
        var events = new TaskCompletionSource<LiveTenantEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => { if (e.Type == "memberAdded") events.TrySetResult(e); });

        using var client = await app.ClientForAsync(tree.ASecretary);
        (await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members", new { email = $"{tree.BSecretary}@test.vn", roles = new[] { "StaffMember" } }))
            .EnsureSuccessStatusCode();
        Assert.Equal("memberAdded", (await Eventually.WithinAsync(events)).Type);
    }

    [Theory]
    [InlineData("sibling")]
    [InlineData("child")]
    [InlineData("parent")]
    [InlineData("stranger")]
    [InlineData("unknown-tenant")]
    public async Task Refuse_to_join_a_tenant_without_membership_and_say_nothing_more(string who)
    {
        var tree = await app.CreateTreeAsync();
        var (user, code) = who switch
        {
            "sibling" => (tree.BSecretary, tree.ChildA),
            "child" => (tree.A1Member, tree.ChildA),
            "parent" => (tree.RootSecretary, tree.ChildA),
            "stranger" => (tree.Stranger, tree.ChildA),
            _ => (tree.ASecretary, "khong-co-don-vi-nay"),
        };
        await using var hub = await app.ConnectHubAsync(user);
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JoinedTenant>("JoinTenant", code));
        Assert.Contains(LiveHub.NotFoundMessage, refused.Message);
    }

    [Fact]
    public async Task Deliver_nothing_of_a_tenant_to_a_sibling_s_member()
    {
        var tree = await app.CreateTreeAsync();
        var tenantA = await app.TenantIdAsync(tree.ChildA);
        await using var sibling = await app.ConnectHubAsync(tree.BSecretary);
        await sibling.InvokeAsync<JoinedTenant>("JoinTenant", tree.ChildB);
        // The sibling's own tenant may still be announcing its creation: only what concerns A is a leak.
        var leaked = new List<object>();
        sibling.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => { if (e.TenantId == tenantA) lock (leaked) leaked.Add(e); });
        sibling.On<LiveNotification>(LiveMethods.Notification, n => { if (n.TenantId == tenantA) lock (leaked) leaked.Add(n); });

        await using var member = await app.ConnectHubAsync(tree.AStaff);
        await member.InvokeAsync<JoinedTenant>("JoinTenant", tree.ChildA);
        var seen = new TaskCompletionSource<LiveTenantEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        member.On<LiveTenantEvent>(LiveMethods.TenantEvent, e => { if (e.Type == "memberAdded") seen.TrySetResult(e); });

        using var client = await app.ClientForAsync(tree.ASecretary);
        (await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members", new { email = $"{tree.A1Member}@test.vn", roles = new[] { "StaffMember" } }))
            .EnsureSuccessStatusCode();
        await Eventually.WithinAsync(seen);      // the event reached A's member...
        await Task.Delay(500);                   // ...and had every chance to reach the sibling too
        Assert.Empty(leaked);
    }

    [Fact]
    public async Task Refuse_an_anonymous_connection()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, LiveHub.Path)).Build();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
