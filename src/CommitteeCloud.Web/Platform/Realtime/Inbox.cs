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
    public async Task AddAsync(Guid userId, string kind, string title, string? body, string? link, string dedupKey, CancellationToken ct)
    {
        var tenant = context.Tenant ?? throw new InvalidOperationException("A notification belongs to a tenant.");
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        // Not ON CONFLICT: PostgreSQL would check the new row against the inbox's read policy (the recipient only),
        // which this tenant-side writer must not pass. A duplicate key inside a savepoint means "already delivered".
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("The inbox writes inside a transaction.");
        await tx.CreateSavepointAsync("inbox", ct);
        try
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO notifications (tenant_id, id, user_id, kind, title, body, link, dedup_key, created_at)
                VALUES ({tenant.Id}, {id}, {userId}, {kind}, {title}, {body}, {link}, {dedupKey}, {now})
                """, ct);
            await tx.ReleaseSavepointAsync("inbox", ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            await tx.RollbackToSavepointAsync("inbox", ct);
            return;
        }
        var live = new LiveNotification(id, tenant.Id, tenant.Code, tenant.Name, kind, title, body, link, now);
        afterCommit.Add(() => push.ToUserAsync(userId, live));
    }
}
