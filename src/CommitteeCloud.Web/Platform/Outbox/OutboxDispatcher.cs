using System.Text.Json;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Persistence;
using CommitteeCloud.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommitteeCloud.Web.Platform.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
    public int BatchSize { get; set; } = 50;
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How many tenants' deliveries of a batch run side by side. A delivery spends most of its time waiting for the
    /// database, so one at a time left a node's dispatcher far behind a stream of task updates (bench/README.md §8).
    /// 1 runs the tenants of a batch one after another.
    /// </summary>
    public int Concurrency { get; set; } = 2;
}

/// <summary>
/// Delivers every committed domain event to each of its handlers at least once. A delivery is leased (so several
/// nodes share the work with SKIP LOCKED and a crashed node's work is taken over when the lease ends), run in a scope
/// of the event's tenant, and completed in the same transaction as the handler's own writes: a handler's database
/// effects happen exactly once even when delivery is repeated. Failures are retried with exponential backoff,
/// independently per handler.
/// <para>
/// The deliveries of one batch that share a tenant (a progress update raises three events in its unit) run in one
/// scope and one transaction, each behind its own savepoint: one connection, one tenant session and one commit
/// instead of three, while a handler that fails or finds its delivery already completed is rolled back alone. A
/// tenant's deliveries keep their lease order; different tenants' run side by side, as they would on several nodes
/// (handlers never rely on the order of events addressed to different tenants, since nodes already interleave them).
/// </para>
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    DomainEventRegistry registry,
    OutboxSignal signal,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var processed = await DispatchBatchAsync(stoppingToken);
                if (processed == 0) await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Leases and runs one batch of due deliveries; returns how many it ran.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        var leased = await LeaseAsync(ct);
        await Parallel.ForEachAsync(leased.GroupBy(d => d.TenantId),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Concurrency), CancellationToken = ct },
            async (tenant, token) => await RunTenantAsync([.. tenant], token));
        return leased.Count;
    }

    private sealed record Leased(long Id, string Handler, int Attempts, Guid MessageId, Guid? TenantId, Guid? ActorUserId, string Type, string Payload, DateTimeOffset OccurredAt);

    private async Task<List<Leased>> LeaseAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            WITH due AS (
              SELECT id FROM outbox_deliveries
              WHERE completed_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @now
                AND (locked_until IS NULL OR locked_until < @now)
              ORDER BY next_attempt_at, id
              LIMIT @batch
              FOR UPDATE SKIP LOCKED)
            UPDATE outbox_deliveries d SET locked_until = @until
            FROM due, outbox_messages m
            WHERE d.id = due.id AND m.id = d.message_id
            RETURNING d.id, d.handler, d.attempts, m.id, m.tenant_id, m.actor_user_id, m.type, m.payload::text, m.occurred_at
            """;
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter("now", now));
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter("until", now + _options.Lease));
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter("batch", _options.BatchSize));
        var leased = new List<Leased>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            leased.Add(new Leased(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetGuid(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetGuid(5),
                reader.GetString(6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }
        return leased;
    }

    private async Task RunTenantAsync(IReadOnlyList<Leased> deliveries, CancellationToken ct)
    {
        var failures = new List<(Leased Delivery, Exception Error)>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var tenantId = deliveries[0].TenantId;
            var tenant = tenantId is { } tid ? await services.GetRequiredService<TenantStore>().FindByIdAsync(tid, ct) : null;
            services.GetRequiredService<ITenantContext>().Set(tenant, userId: null);
            var afterCommit = services.GetRequiredService<AfterCommit>();
            var db = services.GetRequiredService<AppDbContext>();
            // Each delivery has its own savepoint; EF's automatic one around every save would only add round trips.
            db.Database.AutoSavepointsEnabled = false;

            // A delivery alone needs no savepoint: the transaction is its savepoint.
            var shared = deliveries.Count > 1;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var completedCount = 0;
                foreach (var delivery in deliveries)
                {
                    var mark = afterCommit.Count;
                    if (shared) await tx.CreateSavepointAsync("delivery", ct);
                    bool completed;
                    try
                    {
                        completed = await RunInTransactionAsync(services, db, delivery, ct);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        failures.Add((delivery, ex));
                        completed = false;
                    }
                    if (completed)
                    {
                        completedCount++;
                        if (shared) await tx.ReleaseSavepointAsync("delivery", ct);
                        continue;
                    }
                    afterCommit.DiscardFrom(mark);
                    if (!shared) break;
                    await tx.RollbackToSavepointAsync("delivery", ct);
                    db.ChangeTracker.Clear();
                }
                if (completedCount > 0) await tx.CommitAsync(ct);
                else await tx.RollbackAsync(ct);
            }
            await afterCommit.RunAsync();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The shared transaction itself failed (a lost connection, a failed commit): nothing of it is in, so each
            // delivery is run again on its own, and fails or succeeds by itself.
            if (deliveries.Count == 1)
            {
                await RecordFailureAsync(deliveries[0], ex, ct);
                return;
            }
            foreach (var delivery in deliveries) await RunTenantAsync([delivery], ct);
            return;
        }
        foreach (var (delivery, error) in failures) await RecordFailureAsync(delivery, error, ct);
    }

    /// <summary>Runs the handler and completes the delivery; false when another node completed it meanwhile.</summary>
    private async Task<bool> RunInTransactionAsync(IServiceProvider services, AppDbContext db, Leased delivery, CancellationToken ct)
    {
        services.GetRequiredService<AuditScope>().Operation = "event:" + delivery.Type;
        var (handlerType, eventType) = registry.Handler(delivery.Handler)
            ?? throw new InvalidOperationException($"No handler named {delivery.Handler}.");
        var domainEvent = (IDomainEvent)JsonSerializer.Deserialize(delivery.Payload, registry.EventType(delivery.Type) ?? eventType)!;
        var context = new DomainEventContext(delivery.MessageId, delivery.TenantId, delivery.ActorUserId, delivery.OccurredAt);

        var handler = services.GetRequiredService(handlerType);
        await InvokeAsync(handler, eventType, domainEvent, context, ct);
        await db.SaveChangesAsync(ct);
        var completedAt = clock.GetUtcNow();
        // A lease can run out while a long batch waits its turn, and another node may then have run and completed
        // the same delivery: its effects are already in, so these are rolled back, not doubled.
        var completed = await db.OutboxDeliveries.Where(d => d.Id == delivery.Id && d.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.CompletedAt, completedAt)
                .SetProperty(d => d.Attempts, delivery.Attempts + 1)
                .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null), ct);
        return completed > 0;
    }

    private static ValueTask InvokeAsync(object handler, Type eventType, IDomainEvent domainEvent, DomainEventContext context, CancellationToken ct)
    {
        var method = typeof(IDomainEventHandler<>).MakeGenericType(eventType).GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!;
        return (ValueTask)method.Invoke(handler, [domainEvent, context, ct])!;
    }

    private async Task RecordFailureAsync(Leased delivery, Exception ex, CancellationToken ct)
    {
        var attempts = delivery.Attempts + 1;
        var now = clock.GetUtcNow();
        var giveUp = attempts >= OutboxDelivery.MaxAttempts;
        var next = now + Backoff(attempts);
        var error = (ex.GetBaseException().Message is { Length: > 3900 } m ? m[..3900] : ex.GetBaseException().Message);
        LogHandlerFailed(logger, ex, delivery.Handler, delivery.MessageId, attempts);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.OutboxDeliveries.Where(d => d.Id == delivery.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.FailedAt, giveUp ? now : null), ct);
    }

    /// <summary>1 s, 2 s, 4 s ... capped at 5 minutes.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Max(0, attempts - 1))));

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher loop failed")]
    private static partial void LogLoopFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} failed for event {MessageId} (attempt {Attempt})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception ex, string handler, Guid messageId, int attempt);
}
