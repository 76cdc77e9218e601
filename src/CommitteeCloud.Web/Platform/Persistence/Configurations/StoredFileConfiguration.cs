using CommitteeCloud.Domain.Files;
using CommitteeCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("stored_files");
        b.HasKey(f => new { f.TenantId, f.Id });
        // Which rows point at a content (a future clean-up of unreferenced blobs).
        b.HasIndex(f => new { f.TenantId, f.Sha256 });
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(f => f.ContentType).HasMaxLength(StoredFile.ContentTypeMaxLength);
        b.Property(f => f.FileName).HasMaxLength(StoredFile.FileNameMaxLength);
        b.Property(f => f.UploadedByName).HasMaxLength(StoredFile.UploadedByNameMaxLength);
        b.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(f => f.DomainEvents);
        b.Ignore(f => f.Meta);
    }
}
