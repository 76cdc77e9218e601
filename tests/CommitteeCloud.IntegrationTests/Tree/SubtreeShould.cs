using System.Text.Json;
using Npgsql;

namespace CommitteeCloud.IntegrationTests.Tree;

/// <summary>Supervision reads go down the tree, never sideways or up.</summary>
public sealed class SubtreeShould(AppFixture app)
{
    [Fact]
    public async Task Show_each_unit_exactly_its_own_subtree()
    {
        var tree = await app.CreateTreeAsync();
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        var all = await supervisor.SubtreeEventuallyAsync(tree.Root, n => n.Length == 4);
        Assert.Equal(new[] { tree.Root, tree.ChildA, tree.ChildB, tree.GrandchildA1 }.Order(), all.Codes().Order());

        using var a = await app.ClientForAsync(tree.ASecretary);
        Assert.Equal(new[] { tree.ChildA, tree.GrandchildA1 }.Order(), (await a.SubtreeAsync(tree.ChildA)).Codes().Order());
        using var b = await app.ClientForAsync(tree.BSecretary);
        Assert.Equal([tree.ChildB], (await b.SubtreeAsync(tree.ChildB)).Codes());
        using var stranger = await app.ClientForAsync(tree.Stranger);
        Assert.Equal([tree.StrangerRoot], (await stranger.SubtreeAsync(tree.StrangerRoot)).Codes());
    }

    [Fact]
    public async Task Find_units_by_name_without_diacritics()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        (await root.ProvisionAsync(tree.Root, new { code = $"bdv-{tree.Suffix}", name = "Ban Dân vận Tỉnh ủy", kind = "MassMobilizationBoard", levelLabel = "Ban" })).EnsureSuccessStatusCode();
        await root.SubtreeEventuallyAsync(tree.Root, n => n.Codes().Contains($"bdv-{tree.Suffix}"));

        Assert.Equal([$"bdv-{tree.Suffix}"], (await root.SubtreeAsync(tree.Root, "dan van")).Codes());
        Assert.Equal([$"bdv-{tree.Suffix}"], (await root.SubtreeAsync(tree.Root, "DÂN VẬN")).Codes());
        Assert.Equal([tree.ChildA], (await root.SubtreeAsync(tree.Root, "dang uy xa a")).Codes());
        Assert.Empty(await root.SubtreeAsync(tree.Root, "100%_"));
    }

    [Fact]
    public async Task Keep_summaries_of_siblings_and_parents_out_of_reach_of_raw_sql()
    {
        var tree = await app.CreateTreeAsync();
        using var supervisor = await app.ClientForAsync(tree.RootSupervisor);
        await supervisor.SubtreeEventuallyAsync(tree.Root, n => n.Length == 4);
        var a = await app.TenantIdAsync(tree.ChildA);
        await using var conn = await app.AppConnectionAsync(a);
        await using var cmd = new NpgsqlCommand("SELECT code FROM unit_summaries ORDER BY code", conn);
        var visible = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) visible.Add(reader.GetString(0));
        Assert.Equal(new[] { tree.ChildA, tree.GrandchildA1 }.Order(), visible.Order());
    }

    [Fact]
    public async Task List_the_ancestors_root_first()
    {
        var tree = await app.CreateTreeAsync();
        using var a1 = await app.ClientForAsync(tree.A1Member);
        var ancestors = await a1.GetFromJsonAsync<JsonElement>($"/t/{tree.GrandchildA1}/api/tree/ancestors");
        Assert.Equal([tree.Root, tree.ChildA], ancestors.EnumerateArray().Select(t => t.GetProperty("code").GetString()!).ToArray());
    }
}
