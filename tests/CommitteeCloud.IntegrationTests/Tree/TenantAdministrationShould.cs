using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Tree;

public sealed class TenantAdministrationShould(AppFixture app)
{
    [Fact]
    public async Task Rename_a_child_and_refuse_a_stale_rename_with_409()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var a = await app.ClientForAsync(tree.ASecretary);
        var version = (await a.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/tenant")).GetProperty("version").GetUInt32();

        var renamed = await root.PutAsJsonAsync($"/t/{tree.Root}/api/tenants/{tree.ChildA}", new { name = "Đảng ủy phường A", kind = "GrassrootsCommittee", levelLabel = "Phường", version });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var stale = await root.PutAsJsonAsync($"/t/{tree.Root}/api/tenants/{tree.ChildA}", new { name = "Tên cũ", kind = "GrassrootsCommittee", levelLabel = "Xã", version });
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Đảng ủy phường A", (await a.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/tenant")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Suspend_a_child_so_its_members_cannot_act_until_it_is_reactivated()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var b = await app.ClientForAsync(tree.BSecretary);
        Assert.Equal(HttpStatusCode.OK, (await root.PostAsync($"/t/{tree.Root}/api/tenants/{tree.ChildB}/suspend", null)).StatusCode);
        await (await b.GetAsync($"/t/{tree.ChildB}/api/members")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await root.PostAsync($"/t/{tree.Root}/api/tenants/{tree.ChildB}/reactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/t/{tree.ChildB}/api/members")).StatusCode);
    }

    [Fact]
    public async Task Move_a_unit_with_its_subtree_and_rewrite_every_path()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var below = $"to-{tree.Suffix}";
        (await root.ProvisionAsync(tree.Root, new { code = below, name = "Tổ dưới A1", kind = "Cell", levelLabel = "Tổ", parentCode = tree.GrandchildA1 })).EnsureSuccessStatusCode();
        // The new unit's summary is written by its provisioning event; a move committed while that projection is in
        // flight can miss it (a known race, see the closing note of 06/12/2026), so this test moves a settled tree.
        await root.SubtreeEventuallyAsync(tree.Root, n => n.Codes().Contains(below));

        var moved = await root.PostAsJsonAsync($"/t/{tree.Root}/api/tenants/{tree.GrandchildA1}/move", new { newParentCode = tree.ChildB });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var b = await app.TenantIdAsync(tree.ChildB);
        Assert.Equal(b, Guid.Parse((await app.AdminScalarAsync<string>($"SELECT parent_id::text FROM tenants WHERE code = '{tree.GrandchildA1}'"))!));
        Assert.True(await app.AdminScalarAsync<bool>($"SELECT (SELECT path FROM tenants WHERE code = '{below}') <@ (SELECT path FROM tenants WHERE code = '{tree.ChildB}')"));
        Assert.Equal(3, await app.AdminScalarAsync<int>($"SELECT depth FROM tenants WHERE code = '{below}'"));
        using var bSecretary = await app.ClientForAsync(tree.BSecretary);
        // B's secretary now sees the moved units in B's subtree; A's does not.
        // Summaries are written from events: wait for the provisioned unit's to exist, then it must be under B.
        Assert.Contains(below, (await bSecretary.SubtreeEventuallyAsync(tree.ChildB, n => n.Codes().Contains(below))).Codes());
        using var aSecretary = await app.ClientForAsync(tree.ASecretary);
        Assert.DoesNotContain(tree.GrandchildA1, (await aSecretary.SubtreeAsync(tree.ChildA)).Codes());
    }

    [Fact]
    public async Task Refuse_to_move_a_unit_under_its_own_descendant()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var problem = await (await root.PostAsJsonAsync($"/t/{tree.Root}/api/tenants/{tree.ChildA}/move", new { newParentCode = tree.GrandchildA1 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("newParentCode"));
        Assert.Equal(await app.TenantIdAsync(tree.Root), Guid.Parse((await app.AdminScalarAsync<string>($"SELECT parent_id::text FROM tenants WHERE code = '{tree.ChildA}'"))!));
    }

    [Theory]
    [InlineData("sibling")]
    [InlineData("parent")]
    [InlineData("self")]
    [InlineData("stranger")]
    public async Task Touch_nothing_outside_the_strict_subtree(string target)
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var code = target switch { "sibling" => tree.ChildB, "parent" => tree.Root, "self" => tree.ChildA, _ => tree.StrangerRoot };
        await (await a.PostAsync($"/t/{tree.ChildA}/api/tenants/{code}/suspend", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await a.PutAsJsonAsync($"/t/{tree.ChildA}/api/tenants/{code}", new { name = "x", kind = "Cell", levelLabel = "x", version = 0 }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await a.PostAsJsonAsync($"/t/{tree.ChildA}/api/tenants/{tree.GrandchildA1}/move", new { newParentCode = code == tree.ChildA ? tree.ChildB : code }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM tenants WHERE code LIKE '%{tree.Suffix}' AND (status = 'Suspended' OR name = 'x')"));
    }
}
