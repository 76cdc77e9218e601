using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CommitteeCloud.Web.Platform.Persistence;

/// <summary>
/// The audit and outbox rows of one save. EF Core would send one <c>INSERT … RETURNING id</c> per row, and PostgreSQL
/// parses, binds and runs each: that was most of the database's time in a hand-off to a hundred units. Here each
/// table gets one <c>INSERT … SELECT FROM unnest(…)</c> per save, in one round trip, under the same session (so
/// row-level security checks the audit rows' tenant exactly as before).
/// </summary>
internal sealed class AppendOnlyRows
{
    public List<AuditEntry> Audit { get; } = [];
    public List<OutboxMessage> Messages { get; } = [];
    public List<OutboxDelivery> Deliveries { get; } = [];

    /// <summary>Inbox entries known to be new (see <c>Inbox.AddAsync</c>'s <c>knownNew</c>).</summary>
    public List<NewNotification> Notifications { get; } = [];

    public bool IsEmpty => Audit.Count == 0 && Messages.Count == 0 && Deliveries.Count == 0 && Notifications.Count == 0;

    public void Clear()
    {
        Audit.Clear();
        Messages.Clear();
        Deliveries.Clear();
        Notifications.Clear();
    }

    /// <summary>For the synchronous save: the rows join the change tracker and EF writes them.</summary>
    public void TrackIn(AppDbContext db)
    {
        db.AuditEntries.AddRange(Audit);
        db.OutboxMessages.AddRange(Messages);
        db.OutboxDeliveries.AddRange(Deliveries);
        if (Notifications.Count > 0) throw new InvalidOperationException("New notifications are written by the asynchronous save.");
        Clear();
    }

    /// <summary>Writes the rows in the context's open transaction.</summary>
    public async Task WriteAsync(AppDbContext db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        if (Messages.Count > 0)
            batch.BatchCommands.Add(Command("""
                INSERT INTO outbox_messages (id, tenant_id, actor_user_id, type, payload, occurred_at)
                SELECT id, tenant_id, actor_user_id, type, payload::jsonb, occurred_at
                FROM unnest($1, $2, $3, $4, $5, $6) AS r(id, tenant_id, actor_user_id, type, payload, occurred_at)
                """,
                Array(Messages, m => m.Id, NpgsqlDbType.Uuid), Array(Messages, m => m.TenantId, NpgsqlDbType.Uuid),
                Array(Messages, m => m.ActorUserId, NpgsqlDbType.Uuid), Array(Messages, m => m.Type, NpgsqlDbType.Text),
                Array(Messages, m => m.Payload, NpgsqlDbType.Text), Array(Messages, m => m.OccurredAt, NpgsqlDbType.TimestampTz)));
        if (Deliveries.Count > 0)
            batch.BatchCommands.Add(Command("""
                INSERT INTO outbox_deliveries (message_id, handler, attempts, next_attempt_at)
                SELECT message_id, handler, 0, next_attempt_at
                FROM unnest($1, $2, $3) AS r(message_id, handler, next_attempt_at)
                """,
                Array(Deliveries, d => d.MessageId, NpgsqlDbType.Uuid), Array(Deliveries, d => d.Handler, NpgsqlDbType.Text),
                Array(Deliveries, d => d.NextAttemptAt, NpgsqlDbType.TimestampTz)));
        if (Audit.Count > 0)
            batch.BatchCommands.Add(Command("""
                INSERT INTO audit_entries (tenant_id, occurred_at, user_id, operation, entity_type, entity_id, action, changes, trace_id)
                SELECT tenant_id, occurred_at, user_id, operation, entity_type, entity_id, action, changes::jsonb, trace_id
                FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9)
                  AS r(tenant_id, occurred_at, user_id, operation, entity_type, entity_id, action, changes, trace_id)
                """,
                Array(Audit, a => a.TenantId, NpgsqlDbType.Uuid), Array(Audit, a => a.OccurredAt, NpgsqlDbType.TimestampTz),
                Array(Audit, a => a.UserId, NpgsqlDbType.Uuid), Array(Audit, a => a.Operation, NpgsqlDbType.Text),
                Array(Audit, a => a.EntityType, NpgsqlDbType.Text), Array(Audit, a => a.EntityId, NpgsqlDbType.Text),
                Array(Audit, a => a.Action, NpgsqlDbType.Text), Array(Audit, a => a.Changes, NpgsqlDbType.Text),
                Array(Audit, a => a.TraceId, NpgsqlDbType.Text)));
        if (Notifications.Count > 0)
            batch.BatchCommands.Add(Command("""
                INSERT INTO notifications (tenant_id, id, user_id, kind, title, body, link, dedup_key, created_at)
                SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """,
                Array(Notifications, n => n.TenantId, NpgsqlDbType.Uuid), Array(Notifications, n => n.Id, NpgsqlDbType.Uuid),
                Array(Notifications, n => n.UserId, NpgsqlDbType.Uuid), Array(Notifications, n => n.Kind, NpgsqlDbType.Text),
                Array(Notifications, n => n.Title, NpgsqlDbType.Text), Array(Notifications, n => n.Body, NpgsqlDbType.Text),
                Array(Notifications, n => n.Link, NpgsqlDbType.Text), Array(Notifications, n => n.DedupKey, NpgsqlDbType.Text),
                Array(Notifications, n => n.CreatedAt, NpgsqlDbType.TimestampTz)));
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Array<TRow, TValue>(List<TRow> rows, Func<TRow, TValue> value, NpgsqlDbType type) =>
        new() { Value = rows.Select(value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };
}

/// <summary>An inbox entry that cannot exist yet, written with the save rather than on its own.</summary>
public sealed record NewNotification(Guid TenantId, Guid Id, Guid UserId, string Kind, string Title, string? Body, string? Link,
    string DedupKey, DateTimeOffset CreatedAt);
