using CommitteeCloud.Domain.Tenants;
using CommitteeCloud.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class DashboardItemConfiguration : IEntityTypeConfiguration<DashboardItem>
{
    public void Configure(EntityTypeBuilder<DashboardItem> b)
    {
        b.ToTable("dashboard_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).UseIdentityAlwaysColumn();
        b.Property(i => i.Path).HasColumnType("ltree");
        b.HasIndex(i => i.Path).HasMethod("gist");
        b.HasIndex(i => new { i.TenantId, i.SourceTenantId, i.Kind });
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
