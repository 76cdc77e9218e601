using CommitteeCloud.Domain.LeaderAssignments;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Supervision;

/// <summary>
/// Keeps <see cref="UnitSummary"/> rows current from events and tells every ancestor's live views that something
/// below them changed. A unit's own figures (members, leader) are recomputed in the unit's own tenant scope; a
/// change made from above (rename, suspend, move) only refreshes the identity fields, which the catalog holds.
/// </summary>
public sealed class UnitSummaryProjector(AppDbContext db, ITenantContext context, TimeProvider clock, AfterCommit afterCommit, LivePush push)
    : IDomainEventHandler<TenantProvisioned>, IDomainEventHandler<TenantChanged>, IDomainEventHandler<MemberAdded>,
      IDomainEventHandler<MemberRemoved>, IDomainEventHandler<LeaderAssignmentChanged>, IDomainEventHandler<LeaderAssignmentLapsed>,
      IDomainEventHandler<Domain.Dialogues.DialogueStatusChanged>
{
    public const string SubtreeChanged = "subtreeChanged";

    public ValueTask HandleAsync(TenantProvisioned e, DomainEventContext c, CancellationToken ct) => new(RecomputeOwnAsync(ct));
    public ValueTask HandleAsync(MemberAdded e, DomainEventContext c, CancellationToken ct) => new(RecomputeOwnAsync(ct));
    public ValueTask HandleAsync(MemberRemoved e, DomainEventContext c, CancellationToken ct) => new(RecomputeOwnAsync(ct));
    public ValueTask HandleAsync(LeaderAssignmentChanged e, DomainEventContext c, CancellationToken ct) => new(RecomputeOwnAsync(ct));
    public ValueTask HandleAsync(LeaderAssignmentLapsed e, DomainEventContext c, CancellationToken ct) => new(RecomputeOwnAsync(ct));
    public ValueTask HandleAsync(Domain.Dialogues.DialogueStatusChanged e, DomainEventContext c, CancellationToken ct) => new(RecomputeOwnAsync(ct));
    public ValueTask HandleAsync(TenantChanged e, DomainEventContext c, CancellationToken ct) => new(RefreshIdentityAsync(e.TenantId, ct));

    /// <summary>Recomputes the summary of the tenant this scope acts in, from its own rows.</summary>
    public async Task RecomputeOwnAsync(CancellationToken ct)
    {
        var tenantId = context.Tenant?.Id ?? throw new InvalidOperationException("A unit's summary is computed in its own scope.");
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == tenantId, ct);
        var summary = await SummaryOfAsync(tenant, ct);
        summary.MemberCount = await db.Memberships.CountAsync(ct);
        var leader = await db.LeaderAssignments.AsNoTracking()
            .Where(a => a.Status == LeaderAssignmentStatus.Current)
            .OrderByDescending(a => a.EffectiveFrom)
            .FirstOrDefaultAsync(ct)
            ?? await db.LeaderAssignments.AsNoTracking().OrderByDescending(a => a.EffectiveFrom).FirstOrDefaultAsync(ct);
        summary.LeaderAssignmentId = leader?.Id;
        summary.LeaderName = leader?.LeaderName;
        summary.LeaderPosition = leader?.Position;
        summary.LeaderDecisionNumber = leader?.DecisionNumber;
        summary.LeaderEffectiveFrom = leader?.EffectiveFrom;
        summary.LeaderEffectiveTo = leader?.EffectiveTo;
        summary.LeaderStatus = leader?.Status;
        summary.LastStaffDialogueOn = await Dialogues.ListDialoguesHandler.LastStaffDialogueAsync(db, ct);
        AnnounceToAncestors(tenant);
    }

    /// <summary>Refreshes the catalog fields of <paramref name="tenantId"/> (the acting scope is it or an ancestor).</summary>
    public async Task RefreshIdentityAsync(Guid tenantId, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == tenantId, ct);
        await SummaryOfAsync(tenant, ct);
        // A moved unit's dashboard counters follow it to its new place in the tree.
        await db.DashboardItems.Where(i => i.TenantId == tenant.Id && i.Path != tenant.Path)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Path, tenant.Path), ct);
        AnnounceToAncestors(tenant);
    }

    private async Task<UnitSummary> SummaryOfAsync(Tenant tenant, CancellationToken ct)
    {
        var summary = await db.UnitSummaries.FirstOrDefaultAsync(s => s.TenantId == tenant.Id, ct);
        if (summary is null)
        {
            summary = new UnitSummary { TenantId = tenant.Id };
            db.UnitSummaries.Add(summary);
        }
        summary.ParentId = tenant.ParentId;
        summary.Path = tenant.Path;
        summary.Depth = tenant.Depth;
        summary.Code = tenant.Code;
        summary.Name = tenant.Name;
        summary.Kind = tenant.Kind;
        summary.LevelLabel = tenant.LevelLabel;
        summary.Status = tenant.Status;
        summary.UpdatedAt = clock.GetUtcNow();
        return summary;
    }

    private void AnnounceToAncestors(Tenant tenant) =>
        afterCommit.Add(() => push.ToTenantAndAncestorsAsync(tenant.Path, SubtreeChanged, tenant.Id));
}
