using System.Data.Common;
using CommitteeCloud.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommitteeCloud.Web.Platform.Persistence;

/// <summary>
/// Tells PostgreSQL, on every connection the context opens, which tenant and person it acts for. The row-level
/// security policies read <c>app.tenant_id</c> and <c>app.user_id</c>; with neither set they return nothing, so a
/// forgotten filter, raw SQL or <c>ExecuteUpdate</c> fails closed. Npgsql resets session state when a pooled
/// connection is returned, so a setting never leaks to the next user of the connection.
/// </summary>
public sealed class TenantSessionInterceptor(ITenantContext tenantContext) : DbConnectionInterceptor
{
    public const string Sql = "SELECT set_config('app.tenant_id', @tenant, false), set_config('app.user_id', @user, false)";

    /// <summary><see cref="Sql"/> with positional parameters ($1 tenant, $2 person), for a batch.</summary>
    public const string PositionalSql = "SELECT set_config('app.tenant_id', $1, false), set_config('app.user_id', $2, false)";

    /// <summary>
    /// Set by a caller that opens the connection and sends the session settings itself, batched with its first query
    /// (<see cref="Cqrs.SessionBehavior{TMessage,TResponse}"/>): one round trip instead of two. Until it does, the
    /// connection acts for no tenant and row-level security shows it nothing.
    /// </summary>
    public bool SessionSentByCaller { get; set; }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (SessionSentByCaller) return;
        using var cmd = Command(connection, tenantContext);
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (SessionSentByCaller) return;
        await using var cmd = Command(connection, tenantContext);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public static DbCommand Command(DbConnection connection, ITenantContext context)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        Add(cmd, "tenant", context.Tenant?.Id.ToString() ?? "");
        Add(cmd, "user", context.UserId?.ToString() ?? "");
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, string value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
