using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Tree;

public sealed class ProvisioningShould(AppFixture app)
{
    [Fact]
    public async Task Create_a_child_with_its_first_secretary_who_can_act_in_it_at_once()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var code = $"xa-moi-{tree.Suffix}";
        var response = await root.ProvisionAsync(tree.Root, new
        {
            code, name = "Đảng ủy xã Mới", kind = "GrassrootsCommittee", levelLabel = "Xã",
            firstSecretary = new { email = $"bithu.moi.{tree.Suffix}@test.vn", userName = $"bithu.moi.{tree.Suffix}", fullName = "Hoàng Thị Mới", initialPassword = AppFixture.Password },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        using var secretary = await app.ClientForAsync($"bithu.moi.{tree.Suffix}");
        var tenant = await secretary.GetFromJsonAsync<JsonElement>($"/t/{code}/api/tenant");
        Assert.Equal(await app.TenantIdAsync(tree.Root), tenant.GetProperty("parentId").GetGuid());
        var roles = await secretary.GetFromJsonAsync<JsonElement>($"/t/{code}/api/roles");
        Assert.Equal(5, roles.GetArrayLength());

        var subtree = await root.SubtreeEventuallyAsync(tree.Root, nodes => nodes.Codes().Contains(code));
        var node = subtree.Single(n => n.GetProperty("code").GetString() == code);
        Assert.Equal(1, node.GetProperty("depth").GetInt32());
        Assert.Equal(1, node.GetProperty("memberCount").GetInt32());
        Assert.False(node.GetProperty("hasLeaderInForce").GetBoolean());
    }

    [Fact]
    public async Task Go_as_deep_as_the_organization_needs()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var parent = tree.Root;
        for (var level = 1; level <= 6; level++)
        {
            var code = $"l{level}-{tree.Suffix}";
            var created = await root.ProvisionAsync(tree.Root, new { code, name = $"Cấp {level}", kind = "Cell", levelLabel = $"Cấp {level}", parentCode = parent });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            parent = code;
        }
        var nodes = await root.SubtreeEventuallyAsync(tree.Root, n => n.Codes().Contains($"l6-{tree.Suffix}"));
        Assert.Equal(6, nodes.Single(n => n.GetProperty("code").GetString() == $"l6-{tree.Suffix}").GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task Refuse_a_duplicate_code_naming_the_field_and_write_nothing()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        // Counted in this test's tree only: other tests create tenants at the same time.
        var inTree = $"SELECT count(*) FROM tenants WHERE path <@ (SELECT path FROM tenants WHERE code = '{tree.Root}') OR name = 'Trùng mã'";
        var before = await app.AdminScalarAsync<long>(inTree);
        var problem = await (await root.ProvisionAsync(tree.Root, new
        {
            code = tree.ChildB, name = "Trùng mã", kind = "Cell", levelLabel = "Chi bộ",
            firstSecretary = new { email = $"trung.{tree.Suffix}@test.vn", fullName = "Trùng", initialPassword = AppFixture.Password },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("code"));
        Assert.Equal(before, await app.AdminScalarAsync<long>(inTree));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM users WHERE email = 'trung.{tree.Suffix}@test.vn'"));
    }

    [Theory]
    [InlineData("", "code")]
    [InlineData("Có Dấu", "code")]
    [InlineData("-x", "code")]
    public async Task Refuse_an_invalid_code(string code, string field)
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        var problem = await (await root.ProvisionAsync(tree.Root, new { code, name = "X", kind = "Cell", levelLabel = "Chi bộ" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task Refuse_a_parent_outside_the_subtree_as_not_found()
    {
        var tree = await app.CreateTreeAsync();
        using var a = await app.ClientForAsync(tree.ASecretary);
        var response = await a.ProvisionAsync(tree.ChildA, new { code = $"lac-{tree.Suffix}", name = "Lạc", kind = "Cell", levelLabel = "Chi bộ", parentCode = tree.ChildB });
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM tenants WHERE code = 'lac-{tree.Suffix}'"));
    }
}
