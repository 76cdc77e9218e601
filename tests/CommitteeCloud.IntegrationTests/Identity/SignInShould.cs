using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Identity;

public sealed class SignInShould(AppFixture app)
{
    [Fact]
    public async Task Lock_the_account_after_five_wrong_passwords()
    {
        var tree = await app.CreateTreeAsync();
        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
            await (await client.PostAsJsonAsync("/api/auth/token", new { userName = tree.AStaff, password = "sai-mat-khau-" + i })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var locked = await (await client.PostAsJsonAsync("/api/auth/token", new { userName = tree.AStaff, password = AppFixture.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("khóa", locked.GetProperty("title").GetString());
    }

    [Fact]
    public async Task List_the_tenants_of_a_person_with_several_memberships()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        (await root.PostAsJsonAsync($"/t/{tree.Root}/api/members", new { email = $"{tree.ASecretary}@test.vn", roles = new[] { "StaffMember" } })).EnsureSuccessStatusCode();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var me = await a.GetFromJsonAsync<JsonElement>("/api/me");
        var codes = me.GetProperty("tenants").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToList();
        Assert.Equal([tree.Root, tree.ChildA], codes);
        Assert.DoesNotContain(tree.ChildB, codes);
    }
}

/// <summary>A person's inbox is theirs alone: nobody else reads or marks it, whatever tenant they act in.</summary>
public sealed class PersonalInboxShould(AppFixture app)
{
    [Fact]
    public async Task Mark_one_notification_read_and_answer_404_for_someone_else_s()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        (await root.PostAsJsonAsync($"/t/{tree.Root}/api/members", new { email = $"{tree.BSecretary}@test.vn", roles = new[] { "StaffMember" } })).EnsureSuccessStatusCode();
        using var b = await app.ClientForAsync(tree.BSecretary);
        var inbox = await Eventually.ValueAsync(() => b.GetFromJsonAsync<JsonElement>("/api/me/notifications"),
            json => json.EnumerateArray().Any(n => n.GetProperty("tenantCode").GetString() == tree.Root));
        var id = inbox.EnumerateArray().First(n => n.GetProperty("tenantCode").GetString() == tree.Root).GetProperty("id").GetGuid();

        using var stranger = await app.ClientForAsync(tree.Stranger);
        await (await stranger.PostAsync($"/api/me/notifications/{id}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var strangersInbox = await stranger.GetFromJsonAsync<JsonElement>("/api/me/notifications?unreadOnly=false");
        Assert.DoesNotContain(strangersInbox.EnumerateArray(), n => n.GetProperty("id").GetGuid() == id);
        // Even with the stranger's own tenant header.
        stranger.DefaultRequestHeaders.Add("X-Tenant", tree.StrangerRoot);
        await (await stranger.PostAsync($"/api/me/notifications/{id}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await b.PostAsync($"/api/me/notifications/{id}/read", null)).StatusCode);
        var unread = await b.GetFromJsonAsync<JsonElement>("/api/me/notifications");
        Assert.DoesNotContain(unread.EnumerateArray(), n => n.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Answer_401_to_anonymous_callers()
    {
        using var client = app.Anonymous();
        await (await client.GetAsync("/api/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/me/notifications")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostAsync($"/api/me/notifications/{Guid.CreateVersion7()}/read", null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_let_platform_operators_create_root_tenants()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.RootSecretary);
        await (await client.PostAsJsonAsync("/api/platform/tenants",
            new { code = $"rogue-{tree.Suffix}", name = "Rogue", kind = "PartyCommittee", levelLabel = "Tỉnh", secretaryUserName = tree.RootSecretary }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM tenants WHERE code = 'rogue-{tree.Suffix}'"));
    }
}

/// <summary>What the UI asks before offering an action: the person's permissions in the tenant they act in.</summary>
public sealed class MyPermissionsShould(AppFixture app)
{
    [Fact]
    public async Task List_the_permissions_of_the_caller_s_roles_in_the_tenant()
    {
        var tree = await app.CreateTreeAsync();
        using var staff = await app.ClientForAsync(tree.AStaff);
        Assert.Equal(["plans.view", "tasks.view", "tenant.view"], (await staff.GetFromJsonAsync<string[]>($"/t/{tree.ChildA}/api/permissions"))!);
        using var secretary = await app.ClientForAsync(tree.ASecretary);
        Assert.Contains("tenants.manage", (await secretary.GetFromJsonAsync<string[]>($"/t/{tree.ChildA}/api/permissions"))!);
    }
}
