using CommitteeCloud.Domain.LeaderAssignments;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class LeaderAssignmentConfiguration : IEntityTypeConfiguration<LeaderAssignment>
{
    public void Configure(EntityTypeBuilder<LeaderAssignment> b)
    {
        b.ToTable("leader_assignments");
        b.HasKey(a => new { a.TenantId, a.Id });
        b.HasIndex(a => new { a.TenantId, a.ScopeKey, a.Status });
        b.HasIndex(a => new { a.TenantId, a.LeaderMembershipId });
        b.Property(a => a.DecisionNumber).HasMaxLength(LeaderAssignment.DecisionNumberMaxLength);
        b.Property(a => a.Signer).HasMaxLength(LeaderAssignment.TextMaxLength);
        b.Property(a => a.SignerCapacity).HasMaxLength(LeaderAssignment.TextMaxLength);
        b.Property(a => a.LeaderName).HasMaxLength(LeaderAssignment.TextMaxLength);
        b.Property(a => a.Position).HasMaxLength(LeaderAssignment.TextMaxLength);
        b.Property(a => a.Scope).HasMaxLength(LeaderAssignment.ScopeMaxLength);
        b.Property(a => a.ScopeKey).HasMaxLength(LeaderAssignment.ScopeMaxLength);
        b.Property(a => a.AttachmentName).HasMaxLength(LeaderAssignment.TextMaxLength);
        b.Property(a => a.LapseReason).HasMaxLength(LeaderAssignment.TextMaxLength);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(a => a.DomainEvents);
    }
}

internal sealed class UnitSummaryConfiguration : IEntityTypeConfiguration<UnitSummary>
{
    public void Configure(EntityTypeBuilder<UnitSummary> b)
    {
        b.ToTable("unit_summaries");
        b.HasKey(s => s.TenantId);
        b.Property(s => s.TenantId).ValueGeneratedNever();
        b.Property(s => s.Path).HasColumnType("ltree");
        b.HasIndex(s => s.Path).HasMethod("gist");
        b.Property(s => s.Code).HasMaxLength(Tenant.CodeMaxLength);
        b.Property(s => s.Name).HasMaxLength(Tenant.NameMaxLength);
        b.Property(s => s.LevelLabel).HasMaxLength(64);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.LeaderName).HasMaxLength(LeaderAssignment.TextMaxLength);
        b.Property(s => s.LeaderPosition).HasMaxLength(LeaderAssignment.TextMaxLength);
        b.Property(s => s.LeaderDecisionNumber).HasMaxLength(LeaderAssignment.DecisionNumberMaxLength);
        b.Property(s => s.LeaderStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.ReviewTitle).HasMaxLength(Domain.Reviews.ReviewCycle.TitleMaxLength);
        b.Property(s => s.ReviewBand).HasMaxLength(128);
        b.HasOne<Tenant>().WithOne().HasForeignKey<UnitSummary>(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
