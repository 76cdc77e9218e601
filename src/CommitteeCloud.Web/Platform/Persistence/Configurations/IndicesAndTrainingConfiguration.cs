using CommitteeCloud.Domain.Indices;
using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class PublicIndexValueConfiguration : IEntityTypeConfiguration<PublicIndexValue>
{
    public void Configure(EntityTypeBuilder<PublicIndexValue> b)
    {
        b.ToTable("public_index_values");
        b.HasKey(v => new { v.TenantId, v.Id });
        // One value per unit, index and year: two officers typing the same year at once get a 409, not two rows.
        b.HasIndex(v => new { v.TenantId, v.Kind, v.Year }).IsUnique();
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Score).HasPrecision(7, 2);
        b.Property(v => v.Source).HasMaxLength(PublicIndexValue.SourceMaxLength);
        b.Property(v => v.Note).HasMaxLength(PublicIndexValue.NoteMaxLength);
        b.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(v => v.DomainEvents);
    }
}

internal sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> b)
    {
        b.ToTable("training_courses");
        b.HasKey(c => new { c.TenantId, c.Id });
        b.HasIndex(c => new { c.TenantId, c.StartsOn });
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Title).HasMaxLength(TrainingCourse.TitleMaxLength);
        b.Property(c => c.Place).HasMaxLength(TrainingCourse.TextMaxLength);
        b.Property(c => c.Organizer).HasMaxLength(TrainingCourse.TextMaxLength);
        b.Property(c => c.Note).HasMaxLength(TrainingCourse.NoteMaxLength);
        b.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.DomainEvents);
    }
}
