using System.Text.Json;
using Npgsql;

namespace CommitteeCloud.IntegrationTests.Pipeline;

public sealed class AuditTrailShould(AppFixture app)
{
    [Fact]
    public async Task Record_who_which_request_and_the_fields_before_and_after()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        var roles = await client.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/roles");
        var staff = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "StaffMember");
        var id = staff.GetProperty("id").GetGuid();
        (await client.PutAsJsonAsync($"/t/{tree.ChildA}/api/roles/{id}",
            new { displayName = "Cán bộ, công chức, viên chức", permissions = new[] { "tenant.view", "members.view" }, version = staff.GetProperty("version").GetUInt32() }))
            .EnsureSuccessStatusCode();

        var audit = await client.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/audit?entityType=TenantRole&entityId={id}");
        var entry = audit.GetProperty("items").EnumerateArray().First();
        Assert.Equal("UpdateRoleCommand", entry.GetProperty("operation").GetString());
        Assert.Equal("Modified", entry.GetProperty("action").GetString());
        Assert.Equal(await app.UserIdAsync(tree.ASecretary), entry.GetProperty("userId").GetGuid());
        var changes = JsonDocument.Parse(entry.GetProperty("changes").GetString()!).RootElement;
        Assert.Equal("Cán bộ, công chức", changes.GetProperty("displayName").GetProperty("before").GetString());
        Assert.Equal("Cán bộ, công chức, viên chức", changes.GetProperty("displayName").GetProperty("after").GetString());
        Assert.True(changes.TryGetProperty("permissions", out _));
    }

    [Fact]
    public async Task Never_contain_a_password_hash()
    {
        var tree = await app.CreateTreeAsync();
        using var client = await app.ClientForAsync(tree.ASecretary);
        (await client.PostAsJsonAsync($"/t/{tree.ChildA}/api/members",
            new { email = $"audited.{tree.Suffix}@test.vn", fullName = "Người mới", roles = new[] { "StaffMember" }, initialPassword = "MatKhau@2026" }))
            .EnsureSuccessStatusCode();
        var audit = await client.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/audit?entityType=User");
        var changes = audit.GetProperty("items").EnumerateArray().Single().GetProperty("changes").GetString()!;
        Assert.Contains("\"***\"", changes);
        Assert.DoesNotContain("AQAAAA", changes); // Identity's hash prefix
    }

    [Fact]
    public async Task Be_append_only_even_for_raw_sql()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        await using var conn = await app.AppConnectionAsync(a);
        await using var update = new NpgsqlCommand("UPDATE audit_entries SET operation = 'rewritten'", conn);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        await using var delete = new NpgsqlCommand("DELETE FROM audit_entries", conn);
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
        // Even the owner cannot rewrite history: the trigger refuses.
        var owner = await Assert.ThrowsAsync<PostgresException>(() => app.AdminSqlAsync($"DELETE FROM audit_entries WHERE tenant_id = '{a}'"));
        Assert.Contains("append-only", owner.MessageText);
    }
}
