using CommitteeCloud.Domain.Commitments;
using CommitteeCloud.Domain.Models;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class CommitmentRoundConfiguration : IEntityTypeConfiguration<CommitmentRound>
{
    public void Configure(EntityTypeBuilder<CommitmentRound> b)
    {
        b.ToTable("commitment_rounds");
        b.HasKey(r => new { r.TenantId, r.Id });
        b.HasIndex(r => new { r.TenantId, r.Year });
        b.Property(r => r.Title).HasMaxLength(CommitmentRound.TitleMaxLength);
        b.Property(r => r.Guidance).HasMaxLength(Commitment.TextMaxLength);
        b.Property(r => r.OpenedBy).HasMaxLength(Commitment.NameMaxLength);
        b.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.DomainEvents);
    }
}

internal sealed class CommitmentSlotConfiguration : IEntityTypeConfiguration<CommitmentSlot>
{
    public void Configure(EntityTypeBuilder<CommitmentSlot> b)
    {
        b.ToTable("commitment_slots");
        b.HasKey(s => new { s.TenantId, s.Id });
        b.HasIndex(s => new { s.TenantId, s.RoundId, s.ChildTenantId }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.ChildCommitmentId }).IsUnique();
        b.Property(s => s.ChildCode).HasMaxLength(Tenant.CodeMaxLength);
        b.Property(s => s.ChildName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(s => s.TitleSought).HasMaxLength(Commitment.NameMaxLength);
        b.Property(s => s.LastComment).HasMaxLength(Commitment.TextMaxLength);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        b.OwnsMany(s => s.Targets, t => t.ToJson("targets"));
        b.OwnsMany(s => s.Models, m => m.ToJson("models"));
        b.OwnsMany(s => s.History, h => h.ToJson("history"));
        b.HasOne<CommitmentRound>().WithMany().HasForeignKey(s => new { s.TenantId, s.RoundId }).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(s => s.DomainEvents);
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> b)
    {
        b.ToTable("commitments");
        b.HasKey(c => new { c.TenantId, c.Id });
        b.HasIndex(c => new { c.TenantId, c.SlotId }).IsUnique();
        b.HasIndex(c => new { c.TenantId, c.Year });
        b.Property(c => c.ParentTenantName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(c => c.RoundTitle).HasMaxLength(CommitmentRound.TitleMaxLength);
        b.Property(c => c.Guidance).HasMaxLength(Commitment.TextMaxLength);
        b.Property(c => c.TitleSought).HasMaxLength(Commitment.NameMaxLength);
        b.Property(c => c.LastComment).HasMaxLength(Commitment.TextMaxLength);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        b.OwnsMany(c => c.Targets, t => t.ToJson("targets"));
        b.OwnsMany(c => c.Models, m => m.ToJson("models"));
        b.OwnsMany(c => c.History, h => h.ToJson("history"));
        b.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.DomainEvents);
    }
}

internal sealed class MassMobilizationModelConfiguration : IEntityTypeConfiguration<MassMobilizationModel>
{
    public void Configure(EntityTypeBuilder<MassMobilizationModel> b)
    {
        b.ToTable("mass_mobilization_models");
        b.HasKey(m => new { m.TenantId, m.Id });
        b.HasIndex(m => new { m.TenantId, m.Year });
        b.Property(m => m.Name).HasMaxLength(MassMobilizationModel.NameMaxLength);
        foreach (var text in new[] { nameof(MassMobilizationModel.Situation), nameof(MassMobilizationModel.Goals), nameof(MassMobilizationModel.ContentAndMethod),
                     nameof(MassMobilizationModel.AreaAndBeneficiaries), nameof(MassMobilizationModel.Forces), nameof(MassMobilizationModel.Resources),
                     nameof(MassMobilizationModel.Outputs), nameof(MassMobilizationModel.Sustainability), nameof(MassMobilizationModel.AwardProposal) })
            b.Property(text).HasMaxLength(MassMobilizationModel.TextMaxLength);
        b.Property(m => m.PersonName).HasMaxLength(MassMobilizationModel.NameMaxLength);
        b.Property(m => m.PersonPosition).HasMaxLength(MassMobilizationModel.NameMaxLength);
        b.Property(m => m.RecognizedBy).HasMaxLength(Tenant.NameMaxLength);
        b.Property(m => m.OriginalUnitName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(m => m.Field).HasConversion<string>().HasMaxLength(24);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.RecognitionLevel).HasConversion<string>().HasMaxLength(16);
        b.OwnsMany(m => m.Replications, r => r.ToJson("replications"));
        b.OwnsMany(m => m.Journal, j =>
        {
            j.ToJson("journal");
            j.OwnsMany(e => e.Files);
        });
        b.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(m => m.DomainEvents);
        b.Ignore(m => m.Stage);
    }
}

internal sealed class ModelNodeConfiguration : IEntityTypeConfiguration<ModelNode>
{
    public void Configure(EntityTypeBuilder<ModelNode> b)
    {
        b.ToTable("model_nodes");
        b.HasKey(n => n.ModelId);
        b.Property(n => n.ModelId).ValueGeneratedNever();
        b.Property(n => n.Path).HasColumnType("ltree");
        b.HasIndex(n => n.Path).HasMethod("gist");
        b.HasIndex(n => n.Year);
        b.Property(n => n.UnitCode).HasMaxLength(Tenant.CodeMaxLength);
        b.Property(n => n.UnitName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(n => n.Name).HasMaxLength(MassMobilizationModel.NameMaxLength);
        b.Property(n => n.PersonName).HasMaxLength(MassMobilizationModel.NameMaxLength);
        b.Property(n => n.OriginalUnitName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(n => n.Field).HasConversion<string>().HasMaxLength(24);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.RecognitionLevel).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.Detail).HasColumnType("jsonb");
        b.HasOne<Tenant>().WithMany().HasForeignKey(n => n.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
