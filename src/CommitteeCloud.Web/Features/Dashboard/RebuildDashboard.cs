using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Web.Features.Supervision;
using CommitteeCloud.Web.Platform.Jobs;

namespace CommitteeCloud.Web.Features.Dashboard;

/// <summary>
/// Builds the dashboard read model from scratch, for the whole database or one unit's subtree: first every counter
/// and result of the units is deleted, then each unit, in its own scope as the live projector would, recounts its
/// tasks and summary, and the counters of the units it holds report slots, registration slots or rankings about. The
/// same <see cref="DashboardCounter"/> as the live path, so a rebuild gives the live numbers (tested). For repairs after
/// writes made behind the app's back (bulk loads, SQL fixes) and after a change to how the dashboard counts.
/// </summary>
public static class DashboardRebuild
{
    public sealed record Result(int Units, int Counters);

    public static async Task<Result> RunAsync(IServiceProvider services, string? rootCode, CancellationToken ct)
    {
        var store = services.GetRequiredService<TenantStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        string? rootPath = null;
        if (rootCode is not null)
            rootPath = (await store.FindByCodeAsync(rootCode, ct) ?? throw new InvalidOperationException($"Không có đơn vị / no tenant '{rootCode}'.")).Path;

        List<Guid> ids;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(null, null);
            var all = scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants;
            var tenants = rootPath is null ? all.AsNoTracking() : all.FromSqlInterpolated($"SELECT * FROM tenants WHERE path <@ {rootPath}::ltree").AsNoTracking();
            ids = await tenants.OrderBy(t => t.Depth).ThenBy(t => t.Path).Select(t => t.Id).ToListAsync(ct);
        }

        // From scratch: nothing of the old counters may survive into the new ones.
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        await scopes.SumOverTenantsAsync(Operation, ids, activeOnly: false, sp => InTransactionAsync(sp, async (db, tenant) =>
            {
                await db.DashboardItems.Where(i => i.TenantId == tenant.Id).ExecuteDeleteAsync(ct);
                await db.UnitSummaries.Where(s => s.TenantId == tenant.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.ReviewTitle, (string?)null).SetProperty(s => s.ReviewYear, (int?)null)
                    .SetProperty(s => s.ReviewTotal, (decimal?)null).SetProperty(s => s.ReviewBand, (string?)null)
                    .SetProperty(s => s.ReviewRank, (int?)null).SetProperty(s => s.ReviewRankedUnits, (int?)null), ct);
                return 0;
            }, ct), ct);

        var counters = await scopes.SumOverTenantsAsync(Operation, ids, activeOnly: false, sp => InTransactionAsync(sp, async (db, tenant) =>
            {
                await sp.GetRequiredService<UnitSummaryProjector>().RecomputeOwnAsync(ct);
                await DashboardCounter.RecountAsync(db, tenant, tenant.Id, clock, ct);
                foreach (var unit in await UnitsHeldAboutAsync(db, ct))
                    await DashboardCounter.RecountAsync(db, tenant, unit, clock, ct);
                return db.ChangeTracker.Entries<DashboardItem>().Count();
            }, ct), ct);
        return new Result(ids.Count, counters);
    }

    /// <summary>The units this tenant holds report slots, registration slots or finalized results about.</summary>
    private static async Task<List<Guid>> UnitsHeldAboutAsync(AppDbContext db, CancellationToken ct)
    {
        var slots = await db.ReportSlots.Select(s => s.ChildTenantId).Union(db.CommitmentSlots.Select(s => s.ChildTenantId)).ToListAsync(ct);
        var rankings = await db.ReviewCycles.Where(c => c.State == ReviewCycleState.Finalized).Select(c => c.Ranking).ToListAsync(ct);
        return [.. slots.Concat(rankings.SelectMany(r => r).Select(r => r.ChildTenantId)).Distinct()];
    }

    private const string Operation = "dashboard-rebuild";

    private static async Task<int> InTransactionAsync(IServiceProvider services, Func<AppDbContext, TenantInfo, Task<int>> work, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work(db, services.GetRequiredService<ITenantContext>().Tenant!);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }
}
