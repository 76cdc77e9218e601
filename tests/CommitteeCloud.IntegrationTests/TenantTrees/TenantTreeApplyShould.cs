using CommitteeCloud.Web.Features.TenantTrees;

namespace CommitteeCloud.IntegrationTests.TenantTrees;

public sealed class TenantTreeApplyShould(AppFixture app) : TenantFileTest(app, "cc-tree-")
{

    /// <summary>A small tree whose line numbers the error tests rely on: keep one field per line as written.</summary>
    private string Tree() => $$"""
        {
          "people": [
            { "userName": "p1.{{_s}}", "fullName": "Hoàng Văn Một", "email": "p1.{{_s}}@test.vn", "password": "DanVan@2026" },
            { "userName": "p2.{{_s}}", "fullName": "Lương Thị Hai", "email": "p2.{{_s}}@test.vn", "password": "DanVan@2026" }
          ],
          "tenants": [
            { "code": "r-{{_s}}", "name": "Tỉnh ủy {{_s}}", "kind": "PartyCommittee", "level": "Tỉnh",
              "members": [ { "user": "p1.{{_s}}", "roles": ["Secretary"], "position": "Bí thư" } ] },
            { "code": "c-{{_s}}", "name": "Đảng ủy xã {{_s}}", "kind": "GrassrootsCommittee", "level": "Xã",
              "parent": "r-{{_s}}",
              "members": [ { "user": "p2.{{_s}}", "roles": ["UnitReporter"], "position": "Đầu mối" } ] }
          ]
        }
        """;

    private Task<long[]> RowsAsync() => CountRowsAsync("memberships", "audit_entries", "tenant_roles");

    [Fact]
    public async Task Change_nothing_when_the_same_file_is_applied_twice()
    {
        var path = await WriteAsync(Tree());
        var first = await ApplyAsync(path);
        Assert.Equal(new TenantTreeResult(2, 2, 2), first);
        var before = await RowsAsync();

        var second = await ApplyAsync(path);

        Assert.Equal(new TenantTreeResult(0, 0, 0, 0, 0, 0), second);
        Assert.False(second.HasChanges);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Update_a_renamed_tenant_and_a_changed_role_and_nothing_else()
    {
        await ApplyAsync(await WriteAsync(Tree()));
        var before = await RowsAsync();
        var hashBefore = await App.AdminScalarAsync<string>($"SELECT password_hash FROM users WHERE user_name = 'p2.{_s}'");
        var changed = Tree()
            .Replace($"Đảng ủy xã {_s}", $"Đảng ủy phường {_s}")
            .Replace("\"roles\": [\"UnitReporter\"]", "\"roles\": [\"StaffMember\", \"Supervisor\"]")
            .Replace("Lương Thị Hai", "Lương Thị Hải")
            .Replace("\"password\": \"DanVan@2026\" }\n  ]", "\"password\": \"KhacHan@2027\" }\n  ]");

        var result = await ApplyAsync(await WriteAsync(changed, "changed.json"));

        Assert.Equal(new TenantTreeResult(0, 0, 0, PeopleUpdated: 1, TenantsUpdated: 1, MembershipsUpdated: 1), result);
        Assert.Equal($"Đảng ủy phường {_s}", await App.AdminScalarAsync<string>($"SELECT name FROM tenants WHERE code = 'c-{_s}'"));
        Assert.Equal($"Tỉnh ủy {_s}", await App.AdminScalarAsync<string>($"SELECT name FROM tenants WHERE code = 'r-{_s}'"));
        Assert.Equal("Lương Thị Hải", await App.AdminScalarAsync<string>($"SELECT full_name FROM users WHERE user_name = 'p2.{_s}'"));
        Assert.Equal(hashBefore, await App.AdminScalarAsync<string>($"SELECT password_hash FROM users WHERE user_name = 'p2.{_s}'"));
        var roles = await App.AdminScalarAsync<string>($"""
            SELECT string_agg(r.name, ',' ORDER BY r.name) FROM memberships m
            JOIN tenants t ON t.id = m.tenant_id JOIN users u ON u.id = m.user_id
            JOIN tenant_roles r ON r.tenant_id = m.tenant_id AND r.id = ANY(m.role_ids)
            WHERE t.code = 'c-{_s}' AND u.user_name = 'p2.{_s}'
            """);
        Assert.Equal("StaffMember,Supervisor", roles);
        var after = await RowsAsync();
        Assert.Equal(before[..3], after[..3]);
        Assert.Equal(before[3] + 2, after[3]); // one audit entry for the tenant, one for the membership
        Assert.False((await ApplyAsync(await WriteAsync(changed, "changed.json"))).HasChanges);
    }

    [Fact]
    public async Task Leave_alone_members_that_the_file_does_not_mention()
    {
        await ApplyAsync(await WriteAsync(Tree()));
        var without = Tree().Replace($"{{ \"user\": \"p2.{_s}\", \"roles\": [\"UnitReporter\"], \"position\": \"Đầu mối\" }}", "");

        var result = await ApplyAsync(await WriteAsync(without, "without.json"));

        Assert.False(result.HasChanges);
        Assert.Equal(2L, await App.AdminScalarAsync<long>(
            $"SELECT count(*) FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE t.code LIKE '%-{_s}'"));
    }

    public static TheoryData<string, string, string, string> FileErrors => new()
    {
        // case, text to replace, replacement, expected "line: path"
        { "JSON syntax", "\"level\": \"Xã\",", "\"level\": \"Xã\"", ":10: tenants[1]" },
        { "missing required field", "\"kind\": \"GrassrootsCommittee\", ", "", ":9: tenants[1].kind: " },
        { "unknown enum value", "\"GrassrootsCommittee\"", "\"Commune\"", ":9: tenants[1].kind: 'Commune'" },
        { "unknown field", "\"position\": \"Bí thư\"", "\"postion\": \"Bí thư\"", ":8: tenants[0].members[0].postion: " },
        { "unknown parent", "\"parent\": \"r-{s}\"", "\"parent\": \"nowhere-{s}\"", ":10: tenants[1].parent: " },
        { "unknown person", "\"user\": \"p2.{s}\"", "\"user\": \"ghost.{s}\"", ":11: tenants[1].members[0].user: " },
        { "unknown role", "[\"UnitReporter\"]", "[\"UnitReporter\", \"Emperor\"]", ":11: tenants[1].members[0].roles[1]: " },
        { "duplicate code", "\"code\": \"c-{s}\"", "\"code\": \"r-{s}\"", ":9: tenants[1].code: " },
        { "invalid code", "\"code\": \"c-{s}\"", "\"code\": \"c_{s}\"", ":9: tenants[1].code: " },
        { "parent after its child", "\"level\": \"Tỉnh\",", "\"level\": \"Tỉnh\", \"parent\": \"c-{s}\",", ":7: tenants[0].parent: " },
        { "weak password", "\"password\": \"DanVan@2026\" }\n  ]", "\"password\": \"abc\" }\n  ]", ":4: people[1].password: " },
    };

    [Theory]
    [MemberData(nameof(FileErrors))]
    public async Task Name_the_file_line_and_field_of_an_error_and_write_nothing(string @case, string find, string replace, string expected)
    {
        var text = Tree();
        find = find.Replace("{s}", _s);
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"{@case}: the template no longer contains {find}");
        var path = await WriteAsync(text.Replace(find, replace.Replace("{s}", _s)));

        var error = await Assert.ThrowsAsync<TenantTreeFileException>(() => ApplyAsync(path));

        Assert.StartsWith(path + expected, error.Message);
        Assert.Equal(new long[5], await RowsAsync());
    }

    [Fact]
    public async Task Refuse_to_move_a_tenant_to_another_parent()
    {
        var other = $$"""{ "code": "o-{{_s}}", "name": "Tỉnh ủy khác", "kind": "PartyCommittee", "level": "Tỉnh" },""";
        var tree = Tree().Replace("\"tenants\": [\n", $"\"tenants\": [\n    {other}\n");
        await ApplyAsync(await WriteAsync(tree));
        var before = await RowsAsync();

        var moved = tree.Replace($"\"parent\": \"r-{_s}\"", $"\"parent\": \"o-{_s}\"").Replace($"Tỉnh ủy {_s}", "Đổi tên");
        var error = await Assert.ThrowsAsync<TenantTreeFileException>(async () => await ApplyAsync(await WriteAsync(moved, "moved.json")));

        Assert.Contains(":11: tenants[2].parent: ", error.Message);
        Assert.Contains("moving is done in the app", error.Message);
        Assert.Equal(before, await RowsAsync());
        Assert.Equal($"Tỉnh ủy {_s}", await App.AdminScalarAsync<string>($"SELECT name FROM tenants WHERE code = 'r-{_s}'"));
    }

    [Fact]
    public async Task Generate_a_large_tree_with_parents_first_that_applies_cleanly()
    {
        var prefix = $"g{_s}";
        var file = TenantTreeGenerator.Generate(60, peoplePerTenant: 2, seed: 7, prefix: prefix);

        Assert.Equal(60, file.Tenants.Count);
        Assert.Equal(120, file.People.Count);
        Assert.Equal(60, file.Tenants.Select(t => t.Code).Distinct().Count());
        var seen = new HashSet<string>();
        foreach (var tenant in file.Tenants)
        {
            Assert.True(tenant.Parent is null || seen.Contains(tenant.Parent), $"{tenant.Code} comes before its parent {tenant.Parent}");
            seen.Add(tenant.Code);
        }
        Assert.Single(file.Tenants, t => t.Parent is null);
        Assert.Contains(file.Tenants, t => t.Kind == Domain.Tenants.TenantKind.Cell);
        Assert.All(file.Tenants, t => Assert.Contains(t.Members!, m => m.Roles.SequenceEqual(["Secretary"])));

        var path = Path.Combine(_folder, "generated.json");
        await TenantTreeGenerator.WriteAsync(file, path, TestContext.Current.CancellationToken);
        var again = Path.Combine(_folder, "again.json");
        await TenantTreeGenerator.WriteAsync(TenantTreeGenerator.Generate(60, 2, 7, prefix), again, TestContext.Current.CancellationToken);
        Assert.Equal(await File.ReadAllTextAsync(path), await File.ReadAllTextAsync(again));

        Assert.Equal(new TenantTreeResult(120, 60, 120), await ApplyAsync(path));
        Assert.Equal(60L, await App.AdminScalarAsync<long>($"SELECT count(*) FROM tenants WHERE code LIKE '{prefix}-%'"));
        Assert.Equal(2L, await App.AdminScalarAsync<long>($"SELECT max(depth) - min(depth) FROM tenants WHERE code LIKE '{prefix}-%'"));
    }

    [Fact]
    public async Task Apply_a_file_through_the_command_line_verb()
    {
        var path = await WriteAsync(Tree());
        string[] database = [$"--ConnectionStrings:App={App.Database.AppConnectionString}", $"--ConnectionStrings:Admin={App.Database.AdminConnectionString}"];
        var output = new StringWriter();
        var errors = new StringWriter();

        Assert.Equal(0, await TenantsCli.TryRunAsync(["tenants", "apply", path, .. database], output, errors));
        Assert.Contains("tenants 2 created", output.ToString());
        Assert.Equal(0, await TenantsCli.TryRunAsync(["tenants", "apply", path, .. database], output, errors));
        Assert.Contains("no changes", output.ToString());

        var bad = await WriteAsync(Tree().Replace("\"Secretary\"", "\"Emperor\""), "bad.json");
        Assert.Equal(1, await TenantsCli.TryRunAsync(["tenants", "apply", bad, .. database], output, errors));
        Assert.Contains($"{bad}:8: tenants[0].members[0].roles[0]: ", errors.ToString());
        Assert.Null(await TenantsCli.TryRunAsync(["--urls=http://127.0.0.1:0"]));
    }
}
