using System.Linq.Expressions;
using System.Text.Json;
using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Notifications;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Identity;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommitteeCloud.Web.Platform.Persistence;

/// <summary>
/// The one database context. Isolation is on by default: every <see cref="ITenantOwned"/> entity gets the tenant
/// filter and a key led by <c>tenant_id</c>; on save the tenant id is filled from the context and a row of another
/// tenant is refused. Domain events go to the outbox and every change to the audit trail in the same transaction.
/// PostgreSQL row-level security stands behind all of this (see <see cref="TenantSessionInterceptor"/>).
/// </summary>
public sealed class AppDbContext(
    DbContextOptions<AppDbContext> options,
    ITenantContext tenantContext,
    AuditScope? auditScope = null,
    DomainEventRegistry? eventRegistry = null,
    TimeProvider? clock = null)
    : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    private static readonly HashSet<string> SecretProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantRole> TenantRoles => Set<TenantRole>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxDelivery> OutboxDeliveries => Set<OutboxDelivery>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Domain.LeaderAssignments.LeaderAssignment> LeaderAssignments => Set<Domain.LeaderAssignments.LeaderAssignment>();
    public DbSet<Features.Supervision.UnitSummary> UnitSummaries => Set<Features.Supervision.UnitSummary>();
    public DbSet<Domain.Directives.Directive> Directives => Set<Domain.Directives.Directive>();
    public DbSet<Domain.Tasks.WorkTask> Tasks => Set<Domain.Tasks.WorkTask>();
    public DbSet<Domain.Tasks.TaskHandoff> TaskHandoffs => Set<Domain.Tasks.TaskHandoff>();
    public DbSet<Domain.Tasks.TaskUpdate> TaskUpdates => Set<Domain.Tasks.TaskUpdate>();
    public DbSet<Features.Tasks.TaskNode> TaskNodes => Set<Features.Tasks.TaskNode>();
    public DbSet<Features.Tasks.Reminders.TaskReminder> TaskReminders => Set<Features.Tasks.Reminders.TaskReminder>();
    public DbSet<Features.Tasks.TaskListVersion> TaskListVersions => Set<Features.Tasks.TaskListVersion>();
    public DbSet<Domain.Files.StoredFile> StoredFiles => Set<Domain.Files.StoredFile>();
    public DbSet<Domain.Plans.AnnualPlan> AnnualPlans => Set<Domain.Plans.AnnualPlan>();
    public DbSet<Domain.Plans.PlanReview> PlanReviews => Set<Domain.Plans.PlanReview>();
    public DbSet<Domain.Commitments.CommitmentRound> CommitmentRounds => Set<Domain.Commitments.CommitmentRound>();
    public DbSet<Domain.Commitments.CommitmentSlot> CommitmentSlots => Set<Domain.Commitments.CommitmentSlot>();
    public DbSet<Domain.Commitments.Commitment> Commitments => Set<Domain.Commitments.Commitment>();
    public DbSet<Domain.Models.MassMobilizationModel> MassMobilizationModels => Set<Domain.Models.MassMobilizationModel>();
    public DbSet<Features.Models.ModelNode> ModelNodes => Set<Features.Models.ModelNode>();
    public DbSet<Domain.Dialogues.Dialogue> Dialogues => Set<Domain.Dialogues.Dialogue>();
    public DbSet<Domain.Dialogues.DialogueQuestion> DialogueQuestions => Set<Domain.Dialogues.DialogueQuestion>();
    public DbSet<Domain.Suggestions.Suggestion> Suggestions => Set<Domain.Suggestions.Suggestion>();
    public DbSet<Domain.Indices.PublicIndexValue> PublicIndexValues => Set<Domain.Indices.PublicIndexValue>();
    public DbSet<Domain.Training.TrainingCourse> TrainingCourses => Set<Domain.Training.TrainingCourse>();
    public DbSet<Domain.Reviews.CriteriaTemplate> CriteriaTemplates => Set<Domain.Reviews.CriteriaTemplate>();
    public DbSet<Domain.Reviews.ReviewCycle> ReviewCycles => Set<Domain.Reviews.ReviewCycle>();
    public DbSet<Domain.Reviews.UnitReview> UnitReviews => Set<Domain.Reviews.UnitReview>();
    public DbSet<Domain.Reviews.SelfAssessment> SelfAssessments => Set<Domain.Reviews.SelfAssessment>();
    public DbSet<Domain.Reports.ReportTemplate> ReportTemplates => Set<Domain.Reports.ReportTemplate>();
    public DbSet<Domain.Reports.ReportRequest> ReportRequests => Set<Domain.Reports.ReportRequest>();
    public DbSet<Domain.Reports.ReportSlot> ReportSlots => Set<Domain.Reports.ReportSlot>();
    public DbSet<Domain.Reports.Report> Reports => Set<Domain.Reports.Report>();
    public DbSet<Features.Dashboard.DashboardItem> DashboardItems => Set<Features.Dashboard.DashboardItem>();

    public ITenantContext TenantContext => tenantContext;

    private readonly List<IDomainEvent> _published = [];

    /// <summary>
    /// An event no saved entity raises (a supervisor's request to a unit below, which writes nothing here): it goes
    /// to the outbox with the next save, like any other.
    /// </summary>
    public void Publish(IDomainEvent domainEvent) => _published.Add(domainEvent);

    /// <summary>Forgets every pending change and published event: the unit of work failed and is rolled back.</summary>
    public void DiscardPending()
    {
        ChangeTracker.Clear();
        _published.Clear();
        _appendOnly.Clear();
    }

    // Read through the context instance so EF passes them as parameters: a constant would bake the first tenant
    // into the cached model.
    private Guid CurrentTenantId => tenantContext.Tenant?.Id ?? Guid.Empty;
    private Guid CurrentUserId => tenantContext.UserId ?? Guid.Empty;

    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
            .UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("ltree");
        builder.HasPostgresExtension("unaccent");
        builder.HasPostgresExtension("citext");
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => !t.IsOwned()).ToList())
        {
            var clr = entityType.ClrType;
            if (typeof(Entity).IsAssignableFrom(clr))
            {
                // Ids are created by the domain (UUIDv7) before EF sees the entity.
                builder.Entity(clr).Property(nameof(Entity.Id)).ValueGeneratedNever();
            }
            if (typeof(IVersioned).IsAssignableFrom(clr))
            {
                builder.Entity(clr).Property<uint>(nameof(IVersioned.Version))
                    .HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
            }
            if (typeof(ITenantOwned).IsAssignableFrom(clr))
            {
                GetType().GetMethod(nameof(ApplyTenantIsolation), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(clr).Invoke(this, [builder]);
            }
        }
    }

    private void ApplyTenantIsolation<T>(ModelBuilder builder) where T : class, ITenantOwned
    {
        var entity = builder.Entity<T>();
        // Never generated by EF: it comes from the tenant context on save, or the save is refused.
        entity.Property(e => e.TenantId).IsRequired().ValueGeneratedNever();
        if (entity.Metadata.FindPrimaryKey() is { } pk && pk.Properties.Count == 1 && pk.Properties[0].Name == "Id")
            entity.HasKey(nameof(ITenantOwned.TenantId), "Id");

        Expression<Func<T, bool>> filter = typeof(IPersonOwned).IsAssignableFrom(typeof(T))
            ? e => EF.Property<Guid>(e, nameof(IPersonOwned.UserId)) == CurrentUserId
            : e => e.TenantId == CurrentTenantId;
        entity.HasQueryFilter(filter);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareSave();
        if (_appendOnly.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // The entity rows and their audit and outbox rows commit together: in the caller's transaction, or in one
        // opened here for this save.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await _appendOnly.WriteAsync(this, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            _appendOnly.Clear();
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>
    /// Audit and outbox rows are written, never read back through this context, and there are many of them (a
    /// hand-off to a hundred units writes about two thousand): they bypass the change tracker and go in with one
    /// set-based <c>INSERT</c> per table and save.
    /// </summary>
    private readonly AppendOnlyRows _appendOnly = new();

    /// <summary>
    /// An inbox entry that cannot exist yet (its key names something created in this transaction): written with the
    /// next save, in the tenant the context then acts in, together with the save's other append-only rows.
    /// </summary>
    public void AddNewNotification(NewNotification notification)
    {
        if (notification.TenantId != CurrentTenantId)
            throw new TenantIsolationException("A notification was added to another tenant.");
        _appendOnly.Notifications.Add(notification);
    }

    /// <summary>
    /// A read that must itself be in the trail (a supervisor reading a unit's audit trail from above): an entry with
    /// the action "Read" in the tenant the context acts in, written with the next save. Reads are never anonymous.
    /// </summary>
    public void RecordRead(string entityType, string entityId, object details)
    {
        if (tenantContext.Tenant is null) throw new TenantIsolationException("A read was recorded with no tenant in context.");
        _appendOnly.Audit.Add(new AuditEntry
        {
            TenantId = CurrentTenantId,
            OccurredAt = (clock ?? TimeProvider.System).GetUtcNow(),
            UserId = tenantContext.UserId,
            Operation = auditScope?.Operation ?? "direct",
            EntityType = entityType,
            EntityId = entityId,
            Action = "Read",
            Changes = JsonSerializer.Serialize(details),
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
        });
    }

    /// <summary>
    /// Stops tracking rows the caller saved and will not touch again, so a unit of work that saves many times (a
    /// hand-off to a hundred units) does not scan them again at every save.
    /// </summary>
    public void Forget(IEnumerable<object> saved)
    {
        foreach (var row in saved)
        {
            var entry = Entry(row);
            if (entry.State == EntityState.Unchanged) entry.State = EntityState.Detached;
        }
    }

    /// <summary>Synchronous saves exist for framework stores (Data Protection keys); the app itself saves async.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
        // Rare and small (Data Protection keys, which raise no event and are not audited): tracked like any row.
        _appendOnly.TrackIn(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void PrepareSave()
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        EnforceTenantOwnership();
        if (Features.Dashboard.DashboardSources.Collect(ChangeTracker) is { } counted) _published.Add(counted);
        WriteDomainEventsToOutbox(now);
        WriteAuditTrail(now);
    }

    private void EnforceTenantOwnership()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var tenantId = entry.Property(e => e.TenantId);
            if (entry.State == EntityState.Added)
            {
                if (tenantContext.Tenant is null)
                    throw new TenantIsolationException($"{entry.Metadata.ClrType.Name} was added with no tenant in context.");
                // EF gives a key-part foreign key a temporary value until saved: that is "not set" too.
                if (tenantId.CurrentValue == Guid.Empty || tenantId.IsTemporary)
                {
                    tenantId.CurrentValue = CurrentTenantId;
                    tenantId.IsTemporary = false;
                }
                else if (tenantId.CurrentValue != CurrentTenantId)
                    throw new TenantIsolationException($"{entry.Metadata.ClrType.Name} was added to another tenant.");
                continue;
            }
            if (tenantId.IsModified)
                throw new TenantIsolationException($"The tenant of {entry.Metadata.ClrType.Name} cannot change.");
            var ownedByPerson = entry.Entity is IPersonOwned person && person.UserId == CurrentUserId && CurrentUserId != Guid.Empty;
            if (tenantId.OriginalValue != CurrentTenantId && !ownedByPerson)
                throw new TenantIsolationException($"{entry.Metadata.ClrType.Name} of another tenant cannot be changed here.");
        }
    }

    private void WriteDomainEventsToOutbox(DateTimeOffset now)
    {
        var raised = ChangeTracker.Entries<Entity>()
            .SelectMany(e => e.Entity.DomainEvents.Select(evt => (Entity: (Entity?)e.Entity, Event: evt)))
            .Concat(_published.Select(evt => (Entity: (Entity?)null, Event: evt)))
            .ToList();
        _published.Clear();
        foreach (var (entity, domainEvent) in raised)
        {
            // An outbox message names its actor and its exact time: an anonymous row must be born without one.
            if (entity is IAnonymousRecord { IsAnonymous: true } && Entry(entity).State == EntityState.Added)
                throw new InvalidOperationException($"An anonymous {entity.GetType().Name} may not raise events when created.");
            var registry = eventRegistry ?? throw new InvalidOperationException("Domain events need the event registry.");
            var type = domainEvent.GetType();
            var message = new OutboxMessage
            {
                Id = Guid.CreateVersion7(),
                // A routed event (a child's report to its assigner) is handled in the tenant it is addressed to.
                TenantId = domainEvent is IRoutedEvent routed ? routed.TargetTenantId
                    : (entity as ITenantOwned)?.TenantId is { } t && t != Guid.Empty ? t : tenantContext.Tenant?.Id,
                ActorUserId = auditScope?.WithoutActor == true ? null : tenantContext.UserId,
                Type = registry.NameOf(type),
                Payload = JsonSerializer.Serialize(domainEvent, type),
                OccurredAt = now,
            };
            _appendOnly.Messages.Add(message);
            foreach (var handler in registry.HandlerNamesFor(type))
                _appendOnly.Deliveries.Add(new OutboxDelivery { MessageId = message.Id, Handler = handler, NextAttemptAt = now });
            entity?.ClearDomainEvents();
        }
    }

    private void WriteAuditTrail(DateTimeOffset now)
    {
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            // Read models are derived from audited rows and rebuilt at will: auditing them would only repeat the trail.
            .Where(e => e.Entity is not (AuditEntry or OutboxMessage or OutboxDelivery or DataProtectionKey or Notification or ISubtreeReadModel
                or Features.Tasks.Reminders.TaskReminder))
            // The creation of an anonymous row is not audited at all: even an entry without the person would hold the
            // exact time and an id ordered among the sender's own audited actions (ADR 0007). Later changes are.
            .Where(e => !(e.State == EntityState.Added && e.Entity is IAnonymousRecord { IsAnonymous: true }))
            .ToList();
        foreach (var entry in changed)
        {
            var tenantId = AuditTenantOf(entry);
            if (tenantId is null) continue;
            var changes = new Dictionary<string, object?>();
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.Name is "TenantId" || property.Metadata.IsConcurrencyToken && property.Metadata.Name == "Version") continue;
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                var secret = SecretProperties.Contains(property.Metadata.Name);
                object? before = entry.State == EntityState.Added ? null : secret ? "***" : property.OriginalValue;
                object? after = entry.State == EntityState.Deleted ? null : secret ? "***" : property.CurrentValue;
                if (entry.State == EntityState.Modified && Equals(before, after)) continue;
                changes[JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name)] = new { before, after };
            }
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            var audit = new AuditEntry
            {
                TenantId = tenantId.Value,
                OccurredAt = now,
                UserId = auditScope?.WithoutActor == true ? null : tenantContext.UserId,
                Operation = auditScope?.Operation ?? "direct",
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Action = entry.State.ToString(),
                Changes = JsonSerializer.Serialize(changes),
                TraceId = auditScope?.WithoutActor == true ? null : System.Diagnostics.Activity.Current?.TraceId.ToString(),
            };
            _appendOnly.Audit.Add(audit);
        }
    }

    private Guid? AuditTenantOf(EntityEntry entry) => entry.Entity switch
    {
        ITenantOwned owned when entry.State != EntityState.Added => owned.TenantId,
        // Global rows (a tenant, an account) are audited in the tenant the change was made in, if any.
        _ => tenantContext.Tenant?.Id,
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join("/", key.Properties.Where(p => p.Name != "TenantId").Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }
}

/// <summary>A write that would cross a tenant boundary. Always a bug; never shown to users as anything but a 404.</summary>
public sealed class TenantIsolationException(string message) : Exception(message);

public static class AppDbContextProvisioning
{
    /// <summary>
    /// Acts in another tenant inside the current transaction: a parent writing a child's rows when provisioning it
    /// (roles, first members) or handing it a task (its received row, the assigner's decisions). Callers check that
    /// the tenant is a child of the current one. Pending changes are saved first, under the tenant they were made in; on dispose the context and
    /// the database session return to the previous tenant.
    /// </summary>
    public static async Task<IAsyncDisposable> ActInTenantAsync(this AppDbContext db, TenantInfo tenant, CancellationToken ct = default)
    {
        await db.SaveChangesAsync(ct);
        var exit = db.TenantContext.Enter(tenant);
        await db.SyncSessionAsync(ct);
        return new Restore(db, exit, restoreSession: true);
    }

    /// <summary>
    /// Acts in one tenant after another (a hand-off to a hundred units): each <see cref="TenantsInTurn.EnterAsync"/>
    /// is <see cref="ActInTenantAsync"/>, except that between two tenants the database session moves once, not home
    /// and out again. It comes home when the sequence is disposed; until then the session may still be the last
    /// tenant's, which fails closed (row-level security hides and refuses the home tenant's rows), never open.
    /// </summary>
    public static TenantsInTurn ActInTenantsInTurn(this AppDbContext db) => new(db);

    public sealed class TenantsInTurn(AppDbContext db) : IAsyncDisposable
    {
        public async Task<IAsyncDisposable> EnterAsync(TenantInfo tenant, CancellationToken ct)
        {
            await db.SaveChangesAsync(ct);
            var exit = db.TenantContext.Enter(tenant);
            await db.SyncSessionAsync(ct);
            return new Restore(db, exit, restoreSession: false);
        }

        public async ValueTask DisposeAsync()
        {
            try { await db.SyncSessionAsync(CancellationToken.None); }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InFailedSqlTransaction) { }
        }
    }

    private static async Task SyncSessionAsync(this AppDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) return; // the interceptor sets it on open
        await using var cmd = TenantSessionInterceptor.Command(connection, db.TenantContext);
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private sealed class Restore(AppDbContext db, IDisposable exit, bool restoreSession) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.SaveChangesAsync();
            }
            finally
            {
                // Whatever happened, the scope acts for its own tenant again; if the transaction already failed the
                // session is reset when the connection is next opened.
                exit.Dispose();
                try { if (restoreSession) await db.SyncSessionAsync(CancellationToken.None); }
                catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InFailedSqlTransaction) { }
            }
        }
    }
}
