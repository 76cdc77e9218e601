using System.Text.Json;
using CommitteeCloud.Domain.Plans;
using CommitteeCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class AnnualPlanConfiguration : IEntityTypeConfiguration<AnnualPlan>
{
    public void Configure(EntityTypeBuilder<AnnualPlan> b)
    {
        b.ToTable("annual_plans");
        b.HasKey(p => new { p.TenantId, p.Id });
        // Một kế hoạch mỗi năm.
        b.HasIndex(p => new { p.TenantId, p.Year }).IsUnique();
        b.Property(p => p.Number).HasMaxLength(AnnualPlan.NumberMaxLength);
        b.Property(p => p.Title).HasMaxLength(AnnualPlan.TitleMaxLength);
        b.Property(p => p.Purpose).HasMaxLength(AnnualPlan.TextMaxLength);
        b.Property(p => p.Requirements).HasMaxLength(AnnualPlan.TextMaxLength);
        b.Property(p => p.ImplementsReference).HasMaxLength(AnnualPlan.TitleMaxLength);
        b.Property(p => p.IssueKey).HasMaxLength(128);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        // Targets and activities are parts of the plan, always read and written with it: one jsonb column each.
        b.Property(p => p.Targets).HasColumnType("jsonb").HasConversion(Json.Converter<List<PlanTarget>>(), Json.Comparer<List<PlanTarget>>());
        b.Property(p => p.Activities).HasColumnType("jsonb").HasConversion(Json.Converter<List<PlanActivity>>(), Json.Comparer<List<PlanActivity>>());
        b.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(p => p.DomainEvents);
        b.Ignore(p => p.YearStart);
        b.Ignore(p => p.YearEnd);
    }
}

internal sealed class PlanReviewConfiguration : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> b)
    {
        b.ToTable("plan_reviews");
        b.HasKey(r => new { r.TenantId, r.Id });
        // One mid-year and one year-end review per plan.
        b.HasIndex(r => new { r.TenantId, r.PlanId, r.Kind }).IsUnique();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        foreach (var text in new[] { nameof(PlanReview.Results), nameof(PlanReview.Shortcomings), nameof(PlanReview.Causes), nameof(PlanReview.Lessons), nameof(PlanReview.NextDirections) })
            b.Property(text).HasMaxLength(PlanReview.TextMaxLength);
        b.Property(r => r.Figures).HasColumnType("jsonb").HasConversion(Json.Converter<ReviewFigures>(), Json.Comparer<ReviewFigures>());
        b.HasOne<AnnualPlan>().WithMany().HasForeignKey(r => new { r.TenantId, r.PlanId }).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.DomainEvents);
    }
}

/// <summary>Value objects kept as jsonb, compared by their JSON so that a changed list is noticed and saved.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Converter<T>() where T : class =>
        new(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options)!);

    public static ValueComparer<T> Comparer<T>() where T : class =>
        new((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);
}
