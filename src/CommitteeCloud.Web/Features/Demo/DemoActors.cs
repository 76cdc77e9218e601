using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace CommitteeCloud.Web.Features.Demo;

/// <summary>
/// The people of the demo tree, acting through the app's own commands: each demo seeder sends what a secretary or an
/// officer would, in a scope of its own, so the demo data goes through the same rules, audit trail and outbox as theirs.
/// </summary>
public sealed class DemoActors(IServiceProvider services, string operation)
{
    /// <summary>The account's id, or none when the demo tree has no such person.</summary>
    public async Task<Guid?> FindUserIdAsync(string userName)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(null, null);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync(userName))?.Id;
    }

    public async Task<Guid> UserIdAsync(string userName) =>
        await FindUserIdAsync(userName) ?? throw new InvalidOperationException($"No user {userName}: apply the demo tree first.");

    /// <summary>Runs <paramref name="send"/> as the person in the tenant, in a scope of its own (audited as the seeder's operation).</summary>
    public async Task<T> AsAsync<T>(TenantInfo tenant, Guid userId, Func<IServiceProvider, ValueTask<T>> send)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant, userId);
        scope.ServiceProvider.GetRequiredService<AuditScope>().Operation = operation;
        return await send(scope.ServiceProvider);
    }

    /// <summary>
    /// Runs the outbox until every fresh delivery is done, so that the next step sees what the one before sent (reports,
    /// hand-offs and registrations travel between tenants as events). At startup the app's dispatcher is not running
    /// yet; in tests it is, and both share the work safely (deliveries are leased): so "my batch was empty" is not
    /// "all delivered" — a delivery leased by the other dispatcher is waited for. Gives up after a minute rather than
    /// hold the start for ever.
    /// </summary>
    public async Task DrainOutboxAsync(CancellationToken ct)
    {
        var dispatcher = services.GetRequiredService<Platform.Outbox.OutboxDispatcher>();
        var until = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < until)
        {
            if (await dispatcher.DispatchBatchAsync(ct) > 0) continue;
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(null, null);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.OutboxDeliveries.AnyAsync(d => d.CompletedAt == null && d.FailedAt == null && d.Attempts == 0, ct)) return;
            await Task.Delay(50, ct);
        }
    }
}
