using CommitteeCloud.Domain.Reports;
using CommitteeCloud.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommitteeCloud.Web.Platform.Persistence.Configurations;

internal sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> b)
    {
        b.ToTable("report_templates");
        b.HasKey(t => new { t.TenantId, t.Id });
        b.Property(t => t.Name).HasMaxLength(ReportTemplate.NameMaxLength);
        b.Property(t => t.Description).HasMaxLength(ReportTemplate.TextMaxLength);
        b.Property(t => t.CreatedBy).HasMaxLength(ReportTemplate.NameMaxLength);
        b.OwnsMany(t => t.Sections, s => s.ToJson("sections"));
        b.OwnsMany(t => t.Indicators, i => { i.ToJson("indicators"); i.Property(x => x.Rule).HasConversion<string>(); });
        b.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(t => t.DomainEvents);
    }
}

internal sealed class ReportRequestConfiguration : IEntityTypeConfiguration<ReportRequest>
{
    public void Configure(EntityTypeBuilder<ReportRequest> b)
    {
        b.ToTable("report_requests");
        b.HasKey(r => new { r.TenantId, r.Id });
        b.HasIndex(r => new { r.TenantId, r.Year, r.Kind, r.Number });
        b.HasIndex(r => new { r.TenantId, r.ForwardedFromReportId }).IsUnique().HasFilter("forwarded_from_report_id IS NOT NULL");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Subject).HasMaxLength(ReportRequest.SubjectMaxLength);
        b.Property(r => r.Guidance).HasMaxLength(ReportTemplate.TextMaxLength);
        b.Property(r => r.TemplateName).HasMaxLength(ReportTemplate.NameMaxLength);
        b.Property(r => r.SentBy).HasMaxLength(ReportTemplate.NameMaxLength);
        b.OwnsMany(r => r.Sections, s => s.ToJson("sections"));
        b.OwnsMany(r => r.Indicators, i => { i.ToJson("indicators"); i.Property(x => x.Rule).HasConversion<string>(); });
        b.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.DomainEvents);
        b.Ignore(r => r.PeriodName);
    }
}

internal sealed class ReportSlotConfiguration : IEntityTypeConfiguration<ReportSlot>
{
    public void Configure(EntityTypeBuilder<ReportSlot> b)
    {
        b.ToTable("report_slots");
        b.HasKey(s => new { s.TenantId, s.Id });
        b.HasIndex(s => new { s.TenantId, s.RequestId, s.ChildTenantId }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.ChildReportId }).IsUnique();
        b.Property(s => s.ChildCode).HasMaxLength(Tenant.CodeMaxLength);
        b.Property(s => s.ChildName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.LastComment).HasMaxLength(ReportTemplate.TextMaxLength);
        b.Property(s => s.DocumentNumber).HasMaxLength(64);
        b.Property(s => s.Place).HasMaxLength(128);
        b.Property(s => s.SignerName).HasMaxLength(ReportTemplate.NameMaxLength);
        b.Property(s => s.SignerCapacity).HasMaxLength(ReportTemplate.NameMaxLength);
        b.OwnsMany(s => s.Indicators, i => { i.ToJson("indicators"); i.Property(x => x.Rule).HasConversion<string>(); });
        b.OwnsMany(s => s.Sections, x => x.ToJson("sections"));
        b.OwnsMany(s => s.SubtreeCells, x => x.ToJson("subtree_cells"));
        b.OwnsMany(s => s.History, h => { h.ToJson("history"); h.Property(x => x.Kind).HasConversion<string>(); });
        b.HasOne<ReportRequest>().WithMany().HasForeignKey(s => new { s.TenantId, s.RequestId }).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(s => s.DomainEvents);
        b.Ignore(s => s.Signature);
        b.Ignore(s => s.IsSubmitted);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.ToTable("reports");
        b.HasKey(r => new { r.TenantId, r.Id });
        b.HasIndex(r => new { r.TenantId, r.SlotId }).IsUnique();
        b.HasIndex(r => new { r.TenantId, r.Year });
        b.Property(r => r.ParentTenantName).HasMaxLength(Tenant.NameMaxLength);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Subject).HasMaxLength(ReportRequest.SubjectMaxLength);
        b.Property(r => r.Guidance).HasMaxLength(ReportTemplate.TextMaxLength);
        b.Property(r => r.LastComment).HasMaxLength(ReportTemplate.TextMaxLength);
        b.Property(r => r.DocumentNumber).HasMaxLength(64);
        b.Property(r => r.Place).HasMaxLength(128);
        b.Property(r => r.SignerName).HasMaxLength(ReportTemplate.NameMaxLength);
        b.Property(r => r.SignerCapacity).HasMaxLength(ReportTemplate.NameMaxLength);
        b.Property(r => r.ApprovedBy).HasMaxLength(ReportTemplate.NameMaxLength);
        b.OwnsMany(r => r.Sections, x => x.ToJson("sections"));
        b.OwnsMany(r => r.Indicators, i => { i.ToJson("indicators"); i.Property(x => x.Rule).HasConversion<string>(); });
        b.OwnsMany(r => r.History, h => { h.ToJson("history"); h.Property(x => x.Kind).HasConversion<string>(); });
        b.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.DomainEvents);
        b.Ignore(r => r.Signature);
        b.Ignore(r => r.PeriodName);
    }
}
