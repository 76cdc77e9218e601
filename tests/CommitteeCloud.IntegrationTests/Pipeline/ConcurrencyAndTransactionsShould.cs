using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Pipeline;

public sealed class ConcurrencyAndTransactionsShould(AppFixture app)
{
    [Fact]
    public async Task Refuse_a_stale_edit_with_409_and_keep_the_first_one()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var roles = await client.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/roles");
        var role = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "UnitReporter");
        var id = role.GetProperty("id").GetGuid();
        var version = role.GetProperty("version").GetUInt32();

        var first = await client.PutAsJsonAsync($"/t/{tree.ChildA}/api/roles/{id}", new { displayName = "Lần một", permissions = new[] { "tenant.view" }, version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PutAsJsonAsync($"/t/{tree.ChildA}/api/roles/{id}", new { displayName = "Lần hai", permissions = new[] { "tenant.view" }, version });
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var after = await client.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/roles");
        Assert.Equal("Lần một", after.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Answer_404_for_an_unknown_role_id()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var response = await client.PutAsJsonAsync($"/t/{tree.ChildA}/api/roles/{Guid.CreateVersion7()}", new { displayName = "x", permissions = Array.Empty<string>(), version = 1 });
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Roll_back_the_whole_command_when_it_fails_halfway()
    {
        var tree = await app.CreateTreeAsync();
        var email = $"halfway.{tree.Suffix}@test.vn";
        var tenantA = await app.TenantIdAsync(tree.ChildA);
        var outboxBefore = await app.AdminScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE tenant_id = '{tenantA}'");
        // Fault injection: the membership insert (the last write of AddMember, after the account was created) fails.
        await app.AdminSqlAsync($"""
            CREATE OR REPLACE FUNCTION fail_halfway_{tree.Suffix}() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN IF NEW.position = 'FAIL-{tree.Suffix}' THEN RAISE EXCEPTION 'injected'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER fail_halfway_{tree.Suffix} BEFORE INSERT ON memberships FOR EACH ROW EXECUTE FUNCTION fail_halfway_{tree.Suffix}();
            """);
        try
        {
            using var client = await app.ClientForAsync(tree.ASecretary);
            var response = await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members",
                new { email, fullName = "Nửa chừng", position = $"FAIL-{tree.Suffix}", roles = new[] { "StaffMember" }, initialPassword = "MatKhau@2026" });
            await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        }
        finally
        {
            await app.AdminSqlAsync($"DROP TRIGGER fail_halfway_{tree.Suffix} ON memberships; DROP FUNCTION fail_halfway_{tree.Suffix}();");
        }
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM users WHERE email = '{email}'"));
        Assert.Equal(outboxBefore, await app.AdminScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE tenant_id = '{tenantA}'"));
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE changes::text LIKE '%{email}%'"));
    }
}
