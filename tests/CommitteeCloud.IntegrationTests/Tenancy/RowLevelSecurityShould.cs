using CommitteeCloud.Domain.Common;
using CommitteeCloud.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommitteeCloud.IntegrationTests.Tenancy;

/// <summary>The second wall: PostgreSQL refuses another tenant's rows even when the app's own filter is bypassed.</summary>
public sealed class RowLevelSecurityShould(AppFixture app)
{
    [Fact]
    public async Task Return_nothing_of_another_tenant_to_raw_sql_without_any_filter()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        var b = await app.TenantIdAsync(tree.ChildB);

        await using var conn = await app.AppConnectionAsync(a);
        // No WHERE clause at all: only row-level security stands between A and B.
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM memberships WHERE tenant_id = @b; ", conn);
        cmd.Parameters.AddWithValue("b", b);
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
        await using var roles = new NpgsqlCommand("SELECT DISTINCT tenant_id FROM tenant_roles", conn);
        await using var reader = await roles.ExecuteReaderAsync();
        var seen = new List<Guid>();
        while (await reader.ReadAsync()) seen.Add(reader.GetGuid(0));
        Assert.Equal([a], seen);
    }

    [Fact]
    public async Task Return_nothing_at_all_when_no_tenant_is_set()
    {
        await app.CreateTreeAsync();
        await using var conn = await app.AppConnectionAsync(null);
        await using var cmd = new NpgsqlCommand("SELECT (SELECT count(*) FROM memberships) + (SELECT count(*) FROM tenant_roles) + (SELECT count(*) FROM audit_entries) + (SELECT count(*) FROM notifications)", conn);
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Refuse_to_write_a_row_into_another_tenant()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        var b = await app.TenantIdAsync(tree.ChildB);
        await using var conn = await app.AppConnectionAsync(a);
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO tenant_roles (tenant_id, id, name, display_name, permissions) VALUES (@b, gen_random_uuid(), 'Evil', 'Evil', '{}')", conn);
        cmd.Parameters.AddWithValue("b", b);
        var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Make_ExecuteUpdate_with_ignored_filters_touch_only_the_current_tenant()
    {
        var tree = await app.CreateTreeAsync();
        var a = await app.TenantIdAsync(tree.ChildA);
        var b = await app.TenantIdAsync(tree.ChildB);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<Web.Platform.Tenancy.TenantStore>().FindByIdAsync(a);
            scope.ServiceProvider.GetRequiredService<Web.Platform.Tenancy.ITenantContext>().Set(tenant, null);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A bug that forgot the tenant: bypasses EF's filter and targets every role of B.
            var touched = await db.TenantRoles.IgnoreQueryFilters().Where(r => r.TenantId == b)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DisplayName, "hacked"));
            Assert.Equal(0, touched);
        }
        Assert.Equal(0L, await app.AdminScalarAsync<long>($"SELECT count(*) FROM tenant_roles WHERE display_name = 'hacked' AND tenant_id = '{b}'"));
    }

    [Fact]
    public async Task Be_forced_on_every_tenant_owned_table_with_a_policy()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tables = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) || typeof(ISubtreeReadModel).IsAssignableFrom(t.ClrType))
            .Select(t => t.GetTableName()!)
            .Distinct()
            .ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            var secured = await app.AdminScalarAsync<bool>(
                $"SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = '{table}'");
            var policies = await app.AdminScalarAsync<long>($"SELECT count(*) FROM pg_policies WHERE tablename = '{table}'");
            Assert.True(secured, $"{table} has no forced row-level security");
            Assert.True(policies > 0, $"{table} has no policy");
        }
    }

    [Fact]
    public async Task Run_the_app_as_a_role_that_cannot_bypass_it()
    {
        await using var conn = await app.AppConnectionAsync(null);
        await using var cmd = new NpgsqlCommand("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", conn);
        Assert.Equal(false, await cmd.ExecuteScalarAsync());
    }
}
