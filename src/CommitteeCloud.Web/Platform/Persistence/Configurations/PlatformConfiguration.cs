using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Platform.Auditing;
using CommitteeCloud.Web.Platform.Identity;
using CommitteeCloud.Web.Platform.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(a => new { a.TenantId, a.Id });
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.Property(a => a.Operation).HasMaxLength(128);
        b.Property(a => a.EntityType).HasMaxLength(128);
        b.Property(a => a.EntityId).HasMaxLength(128);
        b.Property(a => a.Action).HasMaxLength(16);
        b.Property(a => a.Changes).HasColumnType("jsonb");
        b.Property(a => a.TraceId).HasMaxLength(32);
        b.HasIndex(a => new { a.TenantId, a.EntityType, a.EntityId });
        b.HasIndex(a => new { a.TenantId, a.OccurredAt });
        b.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Type).HasMaxLength(200);
        b.Property(m => m.Payload).HasColumnType("jsonb");
        b.HasIndex(m => m.OccurredAt);
    }
}

internal sealed class OutboxDeliveryConfiguration : IEntityTypeConfiguration<OutboxDelivery>
{
    public void Configure(EntityTypeBuilder<OutboxDelivery> b)
    {
        b.ToTable("outbox_deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).UseIdentityAlwaysColumn();
        b.Property(d => d.Handler).HasMaxLength(300);
        b.Property(d => d.LastError).HasMaxLength(4000);
        b.HasIndex(d => new { d.MessageId, d.Handler }).IsUnique();
        b.HasIndex(d => d.NextAttemptAt).HasFilter("completed_at IS NULL AND failed_at IS NULL");
        b.HasOne<OutboxMessage>().WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users");
        b.Property(u => u.FullName).HasMaxLength(User.FullNameMaxLength);
    }
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> b) => b.ToTable("user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> b) => b.ToTable("user_logins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> b) => b.ToTable("user_tokens");
}
