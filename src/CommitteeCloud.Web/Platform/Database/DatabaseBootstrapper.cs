using CommitteeCloud.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommitteeCloud.Web.Platform.Database;

/// <summary>
/// Prepares the database before the app serves anything: creates the app role and database (embedded cluster),
/// applies migrations as the owner, grants the app role what it needs and nothing more, and refuses to start if the
/// app would connect as a role that bypasses row-level security.
/// </summary>
public static partial class DatabaseBootstrapper
{
    /// <summary>Starts the embedded cluster when no server is configured; returns it so the host can stop it.</summary>
    public static async Task<EmbeddedPostgres?> ResolveConnectionsAsync(DatabaseOptions options, string contentRoot, ILogger logger, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.AppConnectionString))
        {
            options.AdminConnectionString ??= options.AppConnectionString;
            return null;
        }

        var dir = options.DataDirectory ?? Path.Combine(FindRepositoryRoot(contentRoot), ".data", "postgres");
        var cluster = new EmbeddedPostgres(dir, logger, options.Durable);
        await cluster.StartAsync(ct);
        var superuser = cluster.ConnectionString("postgres", EmbeddedPostgres.SuperUser, cluster.Credentials.SuperUserPassword);
        await CreateDatabaseAndAppRoleAsync(superuser, cluster.Credentials.AppPassword, ct);
        options.AdminConnectionString = cluster.ConnectionString(DatabaseOptions.DatabaseName, EmbeddedPostgres.SuperUser, cluster.Credentials.SuperUserPassword);
        options.AppConnectionString = cluster.ConnectionString(DatabaseOptions.DatabaseName, DatabaseOptions.AppRole, cluster.Credentials.AppPassword);
        return cluster;
    }

    public static async Task MigrateAsync(DatabaseOptions options, ILogger logger, CancellationToken ct)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(builder, options.AdminConnectionString!);
        await using (var db = new AppDbContext(builder.Options, new Tenancy.TenantContext()))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                LogMigrating(logger, pending.Count);
                await db.Database.MigrateAsync(ct);
            }
        }

        if (options.AdminConnectionString != options.AppConnectionString)
        {
            await using var admin = new NpgsqlConnection(options.AdminConnectionString);
            await admin.OpenAsync(ct);
            var appRole = new NpgsqlConnectionStringBuilder(options.AppConnectionString).Username!;
            await ExecuteAsync(admin, $"""
                GRANT USAGE ON SCHEMA public TO "{appRole}";
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{appRole}";
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{appRole}";
                REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM "{appRole}";
                REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "__EFMigrationsHistory" FROM "{appRole}";
                """, ct);
        }

        await EnsureAppRoleCannotBypassIsolationAsync(options.AppConnectionString!, ct);
    }

    /// <summary>Fail closed: a superuser or BYPASSRLS role would silently see every tenant's rows.</summary>
    private static async Task EnsureAppRoleCannotBypassIsolationAsync(string appConnectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(appConnectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", conn);
        if (await cmd.ExecuteScalarAsync(ct) is true)
            throw new InvalidOperationException(
                "ConnectionStrings:App dùng một vai trò PostgreSQL là superuser hoặc có BYPASSRLS: cách ly giữa các đơn vị sẽ không được bảo đảm. " +
                "Hãy dùng một vai trò thường (NOSUPERUSER NOBYPASSRLS) cho ứng dụng và ConnectionStrings:Admin cho migration.");
    }

    private static async Task CreateDatabaseAndAppRoleAsync(string superuserConnection, string appPassword, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(superuserConnection);
        await conn.OpenAsync(ct);
        await ExecuteAsync(conn, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{DatabaseOptions.AppRole}') THEN
                CREATE ROLE {DatabaseOptions.AppRole} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '{appPassword}';
              END IF;
            END $$;
            """, ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", DatabaseOptions.DatabaseName);
        if (await exists.ExecuteScalarAsync(ct) is null)
            await ExecuteAsync(conn, $"CREATE DATABASE {DatabaseOptions.DatabaseName} ENCODING 'UTF8' TEMPLATE template0", ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The folder holding CommitteeCloud.sln above <paramref name="start"/>, or <paramref name="start"/> itself.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommitteeCloud.sln"))) return dir.FullName;
        }
        return start;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s)")]
    private static partial void LogMigrating(ILogger logger, int count);
}
