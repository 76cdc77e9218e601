using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class CriteriaTemplateConfiguration : IEntityTypeConfiguration<CriteriaTemplate>
{
    public void Configure(EntityTypeBuilder<CriteriaTemplate> b)
    {
        b.ToTable("criteria_templates");
        b.HasKey(t => new { t.TenantId, t.Id });
        b.Property(t => t.Name).HasMaxLength(CriteriaTemplate.NameMaxLength);
        b.Property(t => t.Description).HasMaxLength(CriteriaTemplate.TextMaxLength);
        b.Property(t => t.ShippedKey).HasMaxLength(64);
        b.Property(t => t.CreatedBy).HasMaxLength(CriteriaTemplate.NameMaxLength);
        // The sheet is read and written whole, with the template: one jsonb document.
        b.Property(t => t.Sheet).HasColumnType("jsonb").HasConversion(Json.Converter<CriteriaSheet>(), Json.Comparer<CriteriaSheet>());
        b.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(t => t.DomainEvents);
    }
}

internal sealed class ReviewCycleConfiguration : IEntityTypeConfiguration<ReviewCycle>
{
    public void Configure(EntityTypeBuilder<ReviewCycle> b)
    {
        b.ToTable("review_cycles");
        b.HasKey(c => new { c.TenantId, c.Id });
        b.HasIndex(c => new { c.TenantId, c.Year });
        b.Property(c => c.Title).HasMaxLength(ReviewCycle.TitleMaxLength);
        b.Property(c => c.TemplateName).HasMaxLength(CriteriaTemplate.NameMaxLength);
        b.Property(c => c.OpenedBy).HasMaxLength(CriteriaTemplate.NameMaxLength);
        b.Property(c => c.FinalizedBy).HasMaxLength(CriteriaTemplate.NameMaxLength);
        b.Property(c => c.ReopenReason).HasMaxLength(UnitReview.ReasonMaxLength);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Publication).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Sheet).HasColumnType("jsonb").HasConversion(Json.Converter<CriteriaSheet>(), Json.Comparer<CriteriaSheet>());
        b.Property(c => c.Appraisers).HasColumnType("jsonb").HasConversion(Json.Converter<List<CriterionAppraiser>>(), Json.Comparer<List<CriterionAppraiser>>());
        b.Property(c => c.Ranking).HasColumnType("jsonb").HasConversion(Json.Converter<List<RankingRow>>(), Json.Comparer<List<RankingRow>>());
        b.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.DomainEvents);
        b.Ignore(c => c.IsFinalized);
    }
}

internal sealed class UnitReviewConfiguration : IEntityTypeConfiguration<UnitReview>
{
    public void Configure(EntityTypeBuilder<UnitReview> b)
    {
        b.ToTable("unit_reviews");
        b.HasKey(u => new { u.TenantId, u.Id });
        b.HasIndex(u => new { u.TenantId, u.CycleId, u.ChildTenantId }).IsUnique();
        b.HasIndex(u => new { u.TenantId, u.AssessmentId }).IsUnique();
        b.Property(u => u.ChildCode).HasMaxLength(Tenant.CodeMaxLength);
        b.Property(u => u.ChildName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(u => u.State).HasConversion<string>().HasMaxLength(16);
        b.Property(u => u.NotEligibleReason).HasMaxLength(UnitReview.ReasonMaxLength);
        b.Property(u => u.Band).HasMaxLength(128);
        b.Property(u => u.Total).HasPrecision(9, 2);
        b.Property(u => u.Lines).HasColumnType("jsonb").HasConversion(Json.Converter<List<ScoreLine>>(), Json.Comparer<List<ScoreLine>>());
        b.HasOne<ReviewCycle>().WithMany().HasForeignKey(u => new { u.TenantId, u.CycleId }).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(u => u.DomainEvents);
    }
}

internal sealed class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> b)
    {
        b.ToTable("self_assessments");
        b.HasKey(s => new { s.TenantId, s.Id });
        b.HasIndex(s => new { s.TenantId, s.CycleId }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.Year });
        b.Property(s => s.ParentName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(s => s.Title).HasMaxLength(ReviewCycle.TitleMaxLength);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Publication).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.NotEligibleReason).HasMaxLength(UnitReview.ReasonMaxLength);
        b.Property(s => s.Band).HasMaxLength(128);
        b.Property(s => s.Total).HasPrecision(9, 2);
        b.Property(s => s.Sheet).HasColumnType("jsonb").HasConversion(Json.Converter<CriteriaSheet>(), Json.Comparer<CriteriaSheet>());
        b.Property(s => s.Lines).HasColumnType("jsonb").HasConversion(Json.Converter<List<ScoreLine>>(), Json.Comparer<List<ScoreLine>>());
        b.Property(s => s.PublishedRanking).HasColumnType("jsonb").HasConversion(Json.Converter<List<RankingRow>>(), Json.Comparer<List<RankingRow>>());
        b.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.DomainEvents);
    }
}
