using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Persistence;
using CommitteeCloud.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommitteeCloud.Web.Platform.Realtime;

/// <summary>
/// Puts a notification in a person's inbox (in the current tenant) and pushes it live once committed. Idempotent:
/// the same dedup key for the same person yields one notification and one push, however often it is called.
/// </summary>
public sealed class Inbox(AppDbContext db, ITenantContext context, AfterCommit afterCommit, LivePush push, TimeProvider clock)
{
    public async Task AddAsync(Guid userId, string kind, string title, string? body, string? link, string dedupKey, CancellationToken ct,
        bool knownNew = false)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException("A notification belongs to a tenant.");
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        // Not ON CONFLICT: PostgreSQL would check the new row against the inbox's read policy (the recipient only),
        // which this tenant-side writer must not pass. A duplicate key inside a savepoint means "already delivered".
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("The inbox writes inside a transaction.");
        if (knownNew)
        {
            // The caller's key names something created in this very transaction (a new hand-off): no earlier copy
            // can exist, so the entry goes in with the save's other rows, without a round trip of its own.
            db.AddNewNotification(new NewNotification(tenant.Id, id, userId, kind, title, body, link, dedupKey, now));
            Push(userId, new LiveNotification(id, tenant.Id, tenant.Code, tenant.Name, kind, title, body, link, now));
            return;
        }
        await tx.CreateSavepointAsync("inbox", ct);
        try
        {
            await InsertAsync(tenant.Id, id, userId, kind, title, body, link, dedupKey, now, ct);
            await tx.ReleaseSavepointAsync("inbox", ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            await tx.RollbackToSavepointAsync("inbox", ct);
            return;
        }
        Push(userId, new LiveNotification(id, tenant.Id, tenant.Code, tenant.Name, kind, title, body, link, now));
    }

    private Task InsertAsync(Guid tenantId, Guid id, Guid userId, string kind, string title, string? body, string? link, string dedupKey,
        DateTimeOffset now, CancellationToken ct) => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO notifications (tenant_id, id, user_id, kind, title, body, link, dedup_key, created_at)
            VALUES ({tenantId}, {id}, {userId}, {kind}, {title}, {body}, {link}, {dedupKey}, {now})
            """, ct);

    private void Push(Guid userId, LiveNotification live) => afterCommit.Add(() => push.ToUserAsync(userId, live));
}
